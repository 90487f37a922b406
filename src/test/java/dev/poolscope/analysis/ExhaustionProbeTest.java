package dev.poolscope.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.poolscope.event.EventKind;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One pass's exhaustion looks (docs/findings.md, "what held the pool when it ran dry"): on a failed
 * checkout the open checkouts of that process are looked at, at most once a second per process and 64
 * times in all. The number of checkouts open at each moment differs, so the summed {@code held} tells
 * which failures were looked at.
 */
class ExhaustionProbeTest {

    @Test
    void aProcessIsLookedAtOnceASecondMeasuredFromItsLastLook() {
        Diagnosis d = Ev.analyze(
                Ev.getconn(0).req("r1").conn("c1"),
                Ev.failed(10),                               // first look: 1 open
                Ev.getconn(10.2).req("r2").conn("c2"),
                Ev.failed(10.5),                             // 0.5 s after the look at 10: none (2 open)
                Ev.getconn(10.7).req("r3").conn("c3"),
                Ev.failed(11),                               // exactly 1 s after the look at 10: look, 3 open
                Ev.getconn(12).req("r4").conn("c4"),
                Ev.failed(12.5),                             // 1.5 s after the look at 11: look, 4 open
                Ev.untimed(EventKind.CHECKOUT_FAILED));      // no time: no second can be measured, none
        ExhaustionResult x = d.evidence().exhaustion();
        assertThat(x.looks()).isEqualTo(3);
        assertThat(x.held()).isEqualTo(1 + 3 + 4);
        assertThat(x.firstAt()).isEqualTo(Ev.at(10));
        assertThat(x.firstHeld()).isEqualTo(1);
    }

    @Test
    void afterAnUntimedLookAProcessIsNotLookedAtAgainButAnotherProcessIs() {
        Diagnosis d = Ev.analyze(
                Ev.untimed(EventKind.CHECKOUT_FAILED).pid("p2"),  // p2's first failure: looked at, 0 open
                Ev.getconn(15).pid("p2").req("r1").conn("c1"),
                Ev.failed(20).pid("p2"),                          // p2's last look has no time: none
                Ev.getconn(21).pid("p3").req("r2").conn("c2"),
                Ev.getconn(22).pid("p3").req("r3").conn("c3"),
                Ev.failed(23).pid("p3"));                         // p3 never looked at: look, 2 open
        ExhaustionResult x = d.evidence().exhaustion();
        assertThat(x.looks()).isEqualTo(2);
        assertThat(x.held()).isEqualTo(0 + 2);
    }

    @Test
    void looksStopAtSixtyFourInAll() {
        List<Ev> events = new ArrayList<>();
        events.add(Ev.getconn(0).req("r1").conn("c1"));
        int failures = ExhaustionProbe.MAX_LOOKS + 6;    // 70 failures, 2 s apart: each one due for a look
        for (int i = 0; i < failures; i++) {
            events.add(Ev.failed(10 + 2 * i));
        }
        ExhaustionResult x = Ev.analyze(events.toArray(Ev[]::new)).evidence().exhaustion();
        assertThat(x.looks()).isEqualTo(64);
        assertThat(x.held()).isEqualTo(64);              // one checkout open at every look
    }
}
