package dev.poolscope.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.poolscope.event.EventKind;
import dev.poolscope.event.PoolEvent;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Live leak notices (docs/watch.md, "Leak suspects"): at most 20 listed per interval and the rest
 * counted, oldest suspects first, and a suspect's return reported again whatever its hold. The default
 * leak threshold is 60 s; every figure is counted by hand from the events.
 */
class LeakNoticesTest {
    private static final long S = 1_000_000L;
    private final LiveAnalysis live = new LiveAnalysis(AnalysisOptions.defaults(), Duration.ofMinutes(10));

    private void accept(EventKind kind, long second, String process, String request, String conn, String endpoint) {
        live.accept(new PoolEvent(kind, second * S, process, request, conn, -1, -1, endpoint, false, false, "t", 0));
    }

    @Test
    void twentyNoticesAreListedPerIntervalAndTheRestCountedThenTheCountStartsAgain() {
        for (int i = 0; i < 25; i++) {            // 25 checkouts, at 0 … 24 s, never returned
            accept(EventKind.CHECKOUT, i, "p", "r" + i, "c" + i, null);
        }
        LiveStatus s = live.status(100 * S);       // all 25 are past 60 s: 25 suspects
        assertThat(s.notices()).hasSize(LeakWatch.MAX_NOTICES);
        assertThat(s.notices()).extracting(LeakNotice::requestId)
                .containsExactly("r0", "r1", "r2", "r3", "r4", "r5", "r6", "r7", "r8", "r9", "r10", "r11", "r12",
                        "r13", "r14", "r15", "r16", "r17", "r18", "r19");   // the oldest 20
        assertThat(s.noticesOmitted()).isEqualTo(25 - 20);
        assertThat(s.openSuspects()).isEqualTo(25);
        assertThat(s.totals().suspected()).isEqualTo(25);   // the counters count them all

        LiveStatus next = live.status(101 * S);    // nothing new: the omitted count was handed out
        assertThat(next.notices()).isEmpty();
        assertThat(next.noticesOmitted()).isZero();
    }

    @Test
    void suspectsFoundInOneScanAreNoticedOldestFirstWhateverOrderTheyArrivedIn() {
        // four processes whose lines interleave out of time order (a merged log)
        accept(EventKind.CHECKOUT, 10, "a", "ra", "c1", null);
        accept(EventKind.CHECKOUT, 5, "b", "rb", "c2", null);
        accept(EventKind.CHECKOUT, 8, "c", "rc", "c3", null);
        accept(EventKind.CHECKOUT, 3, "d", "rd", "c4", null);
        LiveStatus s = live.status(100 * S);
        assertThat(s.notices()).extracting(LeakNotice::acquiredAt)
                .containsExactly(3 * S, 5 * S, 8 * S, 10 * S);
        assertThat(s.notices()).extracting(LeakNotice::requestId).containsExactly("rd", "rb", "rc", "ra");
    }

    @Test
    void aSuspectOfAnEndedRequestReturnedBeforeTheThresholdIsReportedAsReturned() {
        accept(EventKind.CHECKOUT, 0, "p", "r1", "c1", "GET /a");
        accept(EventKind.REQUEST_END, 1, "p", "r1", null, "GET /a");
        LiveStatus at3 = live.status(3 * S);       // ended 2 s ago, past the 1 s skew: a suspect
        assertThat(at3.notices()).singleElement().satisfies(n -> {
            assertThat(n.kind()).isEqualTo(LeakNotice.Kind.SUSPECTED);
            assertThat(n.requestEnded()).isTrue();
        });
        assertThat(at3.openSuspects()).isEqualTo(1);
        accept(EventKind.CHECKIN, 5, "p", "r1", "c1", "GET /a");   // held 5 s, far below 60 s
        LiveStatus at6 = live.status(6 * S);
        assertThat(at6.notices()).singleElement().satisfies(n -> {
            assertThat(n.kind()).isEqualTo(LeakNotice.Kind.RETURNED);
            assertThat(n.reportedOpen()).isTrue();
            assertThat(n.heldMicros()).isEqualTo(5 * S);
        });
        assertThat(at6.openSuspects()).isZero();
        assertThat(at6.totals().returned()).isEqualTo(1);
    }

    @Test
    void aSuspectWithoutAnEndpointIsStillASuspectWhenItsCheckinNamesOne() {
        accept(EventKind.CHECKOUT, 0, "p", "r1", "c1", null);      // the checkout line names no endpoint
        assertThat(live.status(61 * S).openSuspects()).isEqualTo(1);
        accept(EventKind.CHECKIN, 70, "p", "r1", "c1", "GET /a");  // its checkin does
        LiveStatus s = live.status(71 * S);
        assertThat(s.notices()).singleElement().satisfies(n -> {
            assertThat(n.kind()).isEqualTo(LeakNotice.Kind.RETURNED);
            assertThat(n.reportedOpen()).isTrue();                // it was reported open at 61 s
            assertThat(n.endpoint()).isEqualTo("GET /a");         // named by the checkin
            assertThat(n.heldMicros()).isEqualTo(70 * S);
        });
        assertThat(s.openSuspects()).isZero();
    }
}
