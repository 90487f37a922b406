package dev.poolscope.analysis;

import static dev.poolscope.analysis.Ev.end;
import static dev.poolscope.analysis.Ev.getconn;
import static dev.poolscope.analysis.Ev.putconn;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Counts of the one-pass pairing that no other test pins exactly; each expected figure is counted from the events. */
class PairingCountsTest {

    /**
     * docs/robustness.md: "a checkin before its own checkout with the same time is paired anyway": it is a returned
     * checkout like any other, with its hold (0) and its endpoint; and a hold of 0 is not a negative hold.
     */
    @Test
    void aReorderedPairIsAReturnedCheckoutWithAHoldOfZeroNotANegativeOne() {
        Diagnosis d = Ev.analyze(
                putconn(5).req("r1").conn("A"),
                getconn(5).req("r1").conn("A").endpoint("GET /a"),
                getconn(6).req("r2").conn("B").endpoint("GET /a"),
                putconn(6).req("r2").conn("B"));                    // in order, the same time: held 0
        CheckoutResult c = d.checkouts();
        assertThat(d.time().sameTimeReorders()).isEqualTo(1);
        assertThat(d.time().negativeHolds()).isZero();
        assertThat(c.orphanPutconn()).isZero();
        assertThat(c.holdTimes().histogram().getTotalCount()).isEqualTo(2);
        assertThat(c.holdTimes().max()).isZero();
        assertThat(c.endpoints().get("GET /a").checkouts).isEqualTo(2);
    }

    /**
     * Held same-time events are bounded (SameTimeEvents.MAX_HELD, 4,096): a hostile log stamping everything with one
     * time pushes older held checkins out early, yet every checkin that never finds its checkout is still one orphan.
     */
    @Test
    void everyUnmatchedCheckinIsAnOrphanHoweverManyShareOneTime() {
        List<Ev> events = new ArrayList<>();
        int checkins = SameTimeEvents.MAX_HELD + 100;
        for (int i = 0; i < checkins; i++) {
            events.add(putconn(1).req("r" + i).conn("c" + i));
            if (i % 41 == 0) {
                events.add(end(1).req("e" + i));   // request ends held too, pushing checkins out
            }
        }
        events.add(getconn(2).req("x").conn("x"));
        CheckoutResult c = Ev.analyze(events.toArray(Ev[]::new)).checkouts();
        assertThat(c.orphanPutconn()).isEqualTo(checkins);
    }

    /**
     * Leaks are settled once their request ended more than --grace ago; settling runs on checkouts and on request
     * ends (GraceBoundaryTest shows a checkout doing it). Here another request's end, 61 s after r1's, settles r1's
     * open checkout, so its checkin a second later is an orphan.
     */
    @Test
    void aRequestEndAlsoSettlesTheLeaksOfRequestsEndedMoreThanGraceAgo() {
        CheckoutResult c = Ev.analyze(
                getconn(0).req("r1").conn("A"),
                end(1).req("r1"),
                end(62).req("r2"),
                putconn(63).req("r1").conn("A")).checkouts();
        assertThat(c.leakedCheckouts()).isEqualTo(1);
        assertThat(c.orphanPutconn()).isEqualTo(1);
        assertThat(c.holdTimes().histogram().getTotalCount()).isZero();
    }

    /** Open checkouts (live status, timelines) include leaks settled early; memory holds only the others. */
    @Test
    void openCheckoutsIncludeLeaksSettledEarly() {
        Analysis a = new Analysis(AnalysisOptions.defaults());
        Ev[] events = {
            getconn(0).req("r1").conn("A"),
            end(1).req("r1"),
            getconn(62).req("r2").conn("B"),     // r1 ended 61 s ago: A is settled as a leak here
            getconn(63).req("r3").conn("C")};
        for (int i = 0; i < events.length; i++) {
            a.accept(events[i].build(i + 1));
        }
        assertThat(a.openCheckouts()).isEqualTo(3);
        assertThat(a.trackedCheckouts()).isEqualTo(2);
    }
}
