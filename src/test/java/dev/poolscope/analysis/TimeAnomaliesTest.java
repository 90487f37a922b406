package dev.poolscope.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.poolscope.event.EventKind;
import dev.poolscope.event.PoolEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Out-of-order, tied, backwards, jumping and missing times: correct counts, and the clock notes say what was seen. */
class TimeAnomaliesTest {
    private static final long S = 1_000_000;
    private final List<PoolEvent> events = new ArrayList<>();

    private void add(EventKind kind, long seconds, String request, String conn) {
        add(kind, seconds == Long.MIN_VALUE ? PoolEvent.NO_TIME : seconds * S, "p1", request, conn);
    }

    private void add(EventKind kind, long micros, String process, String request, String conn) {
        events.add(new PoolEvent(kind, micros, process, request, conn, PoolEvent.NO_COUNT, PoolEvent.NO_COUNT, null,
                false, false, "log", events.size() + 1));
    }

    private Diagnosis run(Duration grace) {
        Analysis a = new Analysis(new AnalysisOptions(grace, Duration.ofSeconds(60), Duration.ofSeconds(5), 1000,
                Thresholds.defaults()));
        events.forEach(a::accept);
        return a.finish(new InputSummary(List.of("log"), events.size(), 0, 0, List.of()));
    }

    @Test
    void stepsBackAreCountedWithTheLargestAndWhereItWas() {
        add(EventKind.OTHER, 10, null, null);
        add(EventKind.OTHER, 30, null, null);
        add(EventKind.OTHER, 20, null, null);   // back 10 s (line 3)
        add(EventKind.OTHER, 40, null, null);
        add(EventKind.OTHER, 39, null, null);   // back 1 s
        add(EventKind.OTHER, 100, null, null);  // gap 60 s (line 6)
        TimeQuality t = run(Duration.ofSeconds(60)).time();
        assertThat(t.outOfOrder()).isEqualTo(2);
        assertThat(t.largestStepBack()).isEqualTo(10 * S);
        assertThat(t.stepBackAt()).isEqualTo(new TimeQuality.Place("log", 3));
        assertThat(t.largestGap()).isEqualTo(60 * S);
        assertThat(t.gapAt()).isEqualTo(new TimeQuality.Place("log", 6));
    }

    @Test
    void aCheckinStampedBeforeItsCheckoutIsPairedAndCountedAsANegativeHold() {
        add(EventKind.CHECKOUT, 50, "r1", "c1");
        add(EventKind.CHECKIN, 47, "r1", "c1");   // the clock stepped back 3 s
        Diagnosis d = run(Duration.ofSeconds(60));
        assertThat(d.time().negativeHolds()).isEqualTo(1);
        assertThat(d.checkouts().leakedCheckouts()).isZero();
        assertThat(d.checkouts().orphanPutconn()).isZero();
        assertThat(d.checkouts().holdTimes().percentiles().max()).isZero();
    }

    @Test
    void aCheckinBeforeItsCheckoutWithTheSameTimeIsPaired() {
        add(EventKind.CHECKIN, 5, "r1", "c1");
        add(EventKind.CHECKOUT, 5, "r1", "c1");
        add(EventKind.OTHER, 500, null, null);
        Diagnosis d = run(Duration.ofSeconds(60));
        assertThat(d.time().sameTimeReorders()).isEqualTo(1);
        assertThat(d.checkouts().orphanPutconn()).isZero();
        assertThat(d.checkouts().leakedCheckouts()).isZero();
        assertThat(d.counts().leakDelta()).isZero();
    }

    @Test
    void aCheckinBeforeItsCheckoutWithAnEarlierTimeIsAnOrphanNotAPair() {
        add(EventKind.CHECKIN, 4, "r1", "c1");
        add(EventKind.CHECKOUT, 5, "r1", "c1");
        add(EventKind.OTHER, 500, null, null);
        Diagnosis d = run(Duration.ofSeconds(60));
        assertThat(d.time().sameTimeReorders()).isZero();
        assertThat(d.checkouts().orphanPutconn()).isEqualTo(1);
        assertThat(d.checkouts().leakedCheckouts()).isEqualTo(1);
    }

    @Test
    void aHeldCheckinThatNeverMeetsItsCheckoutIsAnOrphanAtTheEnd() {
        add(EventKind.CHECKIN, 5, "r1", "c1");
        assertThat(run(Duration.ofSeconds(60)).checkouts().orphanPutconn()).isEqualTo(1);
    }

    @Test
    void aRequestEndLoggedBeforeItsLastCheckoutWithTheSameTimeStillMarksTheLeak() {
        add(EventKind.REQUEST_END, 5, "r1", null);
        add(EventKind.CHECKOUT, 5, "r1", "c1");
        Diagnosis d = run(Duration.ofHours(1));   // too young to be a leak by age
        assertThat(d.checkouts().leakedCheckouts()).isEqualTo(1);
        assertThat(d.checkouts().leaks().get(0).requestEnded()).isTrue();
    }

    @Test
    void severalProcessesInterleavedPairWithinEachProcess() {
        add(EventKind.CHECKOUT, 10 * S, "web-1/7", "r1", "c1");
        add(EventKind.CHECKOUT, 9 * S, "web-2/7", "r1", "c1");     // same ids, other host, its clock 1 s behind
        add(EventKind.CHECKIN, 11 * S, "web-1/7", "r1", "c1");
        add(EventKind.CHECKIN, 10 * S + 1, "web-2/7", "r1", "c1");
        Diagnosis d = run(Duration.ofSeconds(60));
        assertThat(d.checkouts().leakedCheckouts() + d.checkouts().inFlightCount()).isZero();
        assertThat(d.time().outOfOrder()).isEqualTo(2);
        assertThat(d.time().negativeHolds()).isZero();
        assertThat(d.checkouts().holdTimes().percentiles().count()).isEqualTo(2);
    }

    @Test
    void aClockJumpForwardShowsAsTheLargestGapAndAgesOpenCheckouts() {
        add(EventKind.CHECKOUT, 10, "r1", "c1");
        add(EventKind.CHECKOUT, 11, "r2", "c2");
        add(EventKind.CHECKIN, 12, "r1", "c1");
        add(EventKind.OTHER, 3600 + 12, null, null);   // an hour later: r2's checkout is now old
        Diagnosis d = run(Duration.ofSeconds(60));
        assertThat(d.time().largestGap()).isEqualTo(3600 * S);
        assertThat(d.checkouts().leakedCheckouts()).isEqualTo(1);
    }

    @Test
    void missingTimesAreCountedAndTakeThePreviousTime() {
        add(EventKind.CHECKOUT, Long.MIN_VALUE, "r0", "c0");   // before any time: cannot be aged
        add(EventKind.CHECKOUT, 10, "r1", "c1");
        add(EventKind.CHECKIN, Long.MIN_VALUE, "r1", "c1");    // held as of t=10
        add(EventKind.OTHER, 500, null, null);
        Diagnosis d = run(Duration.ofSeconds(60));
        assertThat(d.counts().missingTimestamps()).isEqualTo(2);
        assertThat(d.checkouts().holdTimes().percentiles().count()).isEqualTo(1);
        assertThat(d.checkouts().inFlightCount()).isEqualTo(1);   // r0: no time, so never old
        assertThat(d.checkouts().leakedCheckouts()).isZero();
    }
}
