package dev.poolscope.analysis;

import static dev.poolscope.analysis.Ev.at;
import static dev.poolscope.analysis.Ev.failed;
import static dev.poolscope.analysis.Ev.getconn;
import static dev.poolscope.analysis.Ev.micros;
import static dev.poolscope.analysis.Ev.nearly;
import static dev.poolscope.analysis.Ev.other;
import static org.assertj.core.api.Assertions.assertThat;

import dev.poolscope.event.EventKind;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Near-exhaustion windows. Most cases use a critical threshold of 3 so the numbers stay small. */
class WindowsTest {
    private static final Duration NO_MERGE = Duration.ZERO;

    private static List<Window> windows(Duration mergeGap, Ev... events) {
        return Ev.analyze(Ev.windows(mergeGap, 3), events).pool().windows();
    }

    private static Ev used(double s, int used) {
        return other(s).used(used);
    }

    /** Above 3 from t=1 to t=3, and again from t=4 to t=6 with a failed checkout inside. */
    private static Ev[] twoRawIntervals() {
        return new Ev[] {
            used(0, 2), used(1, 4), used(2, 5), used(3, 3),
            used(4, 4), failed(4.5).used(4), used(6, 1)};
    }

    @Test
    void aRawIntervalRunsFromFirstAboveToTheDropBackToTheThreshold() {
        List<Window> w = windows(NO_MERGE, twoRawIntervals());
        assertThat(w).hasSize(2);
        assertThat(w.get(0)).isEqualTo(new Window("p1", at(1), at(3), 5, 0, 0, 1, false));
        assertThat(w.get(0).durationMicros()).isEqualTo(micros(2));
        assertThat(w.get(1)).isEqualTo(new Window("p1", at(4), at(6), 4, 1, 0, 1, false));
    }

    @Test
    void intervalsLessThanTheMergeGapApartMerge() {
        // The gap is 1 s (end t=3 to start t=4): "less than" the merge gap, so 1 s does not merge.
        assertThat(windows(Duration.ofSeconds(1), twoRawIntervals())).hasSize(2);
        List<Window> merged = windows(Duration.ofMillis(1001), twoRawIntervals());
        assertThat(merged).containsExactly(new Window("p1", at(1), at(6), 5, 1, 0, 2, false));
    }

    @Test
    void failedAndNearlyExhaustedWithoutUsageArePointWindows() {
        Ev[] events = {failed(20).pid("p2"), nearly(21).pid("p2")};
        assertThat(windows(NO_MERGE, events)).containsExactly(
                new Window("p2", at(20), at(20), -1, 1, 0, 1, false),
                new Window("p2", at(21), at(21), -1, 0, 1, 1, false));
        assertThat(windows(Duration.ofSeconds(5), events)).containsExactly(
                new Window("p2", at(20), at(21), -1, 1, 1, 2, false));
    }

    @Test
    void aWarningBelowTheThresholdIsAPointWindowWithItsUsage() {
        assertThat(windows(NO_MERGE, nearly(30).used(2))).containsExactly(
                new Window("p1", at(30), at(30), 2, 0, 1, 1, false));
    }

    @Test
    void aWindowStillOpenAtTheEndEndsAtTheLastTimeSeenAbove() {
        List<Window> w = windows(NO_MERGE, used(40, 4), used(41, 5), nearly(41.5).used(5), other(50).pid("other"));
        assertThat(w).containsExactly(new Window("p1", at(40), at(41.5), 5, 0, 1, 1, true));
    }

    @Test
    void aWindowWhoseProcessFellSilentBeforeTheEndIsNotOngoing() {
        // The log goes on (another process) for 68.5 s after p1's last sample above, more than the 60 s bound.
        List<Window> w = windows(NO_MERGE, used(40, 4), used(41, 5), nearly(41.5).used(5), other(110).pid("other"));
        assertThat(w).containsExactly(new Window("p1", at(40), at(41.5), 5, 0, 1, 1, false));
    }

    @Test
    void aDropReportedADayLaterEndsTheWindowAtTheLastSampleAbove() {
        // The case: pid 7 at 80, then a day later at 5. Not a day-long window: a 0 s one at the sample.
        PoolResult p = Ev.analyze(used(0, 60).pid("7"), used(1, 80).pid("7"), used(86_401, 5).pid("7")).pool();
        assertThat(p.windows()).containsExactly(new Window("7", at(1), at(1), 80, 0, 0, 1, false));
        assertThat(p.microsAboveCritical()).isZero();
    }

    @Test
    void aDropWithinTheGapOfTheLastSampleAboveEndsTheWindowAtTheDrop() {
        PoolResult p = Ev.analyze(used(0, 80), used(3, 80), used(63, 5)).pool();   // 60 s of quiet: still within
        assertThat(p.windows()).containsExactly(new Window("p1", at(0), at(63), 80, 0, 0, 1, false));
        assertThat(p.microsAboveCritical()).isEqualTo(micros(63));
    }

    @Test
    void samplesAboveSeparatedByALongSilenceAreTwoWindows() {
        PoolResult p = Ev.analyze(used(0, 80), used(2, 80), used(62.5, 80), used(63.5, 10)).pool();
        assertThat(p.windows()).containsExactly(
                new Window("p1", at(0), at(2), 80, 0, 0, 1, false),
                new Window("p1", at(62.5), at(63.5), 80, 0, 0, 1, false));
        assertThat(p.microsAboveCritical()).isEqualTo(micros(2 + 1));
    }

    @Test
    void aFailedCheckoutAfterTheSilenceIsAWindowOfItsOwn() {
        // Another process's line does not keep p1's interval alive; the refusal 70 s later is a point window.
        PoolResult p = Ev.analyze(used(0, 80), used(1, 80), other(30).pid("p2"), failed(71)).pool();
        assertThat(p.windows()).containsExactly(
                new Window("p1", at(0), at(1), 80, 0, 0, 1, false),
                new Window("p1", at(71), at(71), -1, 1, 0, 1, false));
    }

    @Test
    void aPendingWindowMergesWithTheOneOpenAtTheEnd() {
        List<Window> w = windows(Duration.ofSeconds(5), used(0, 4), used(1, 0), used(3, 4), used(4, 6));
        assertThat(w).containsExactly(new Window("p1", at(0), at(4), 6, 0, 0, 2, true));
    }

    @Test
    void slightlyOutOfOrderLinesNeverMakeANegativeWindow() {
        // Threads of one process write their lines a few milliseconds out of timestamp order.
        PoolResult p = Ev.analyze(Ev.windows(NO_MERGE, 3), used(10, 4), used(9.99, 2), used(20, 5), used(19.995, 6))
                .pool();
        assertThat(p.windows()).containsExactly(
                new Window("p1", at(10), at(10), 4, 0, 0, 1, false),
                new Window("p1", at(20), at(20), 6, 0, 0, 1, true));
        assertThat(p.microsAboveCritical()).isZero();
    }

    @Test
    void eventsBeforeTheFirstTimestampMakeNoWindow() {
        List<Window> w = windows(Duration.ofSeconds(5), Ev.untimed(EventKind.CHECKOUT_FAILED),
                failed(1), failed(2));
        assertThat(w).containsExactly(new Window("p1", at(1), at(2), -1, 2, 0, 2, false));
    }

    @Test
    void windowsArePerProcess() {
        List<Window> w = windows(Duration.ofSeconds(5),
                used(0, 4).pid("a"), used(0.5, 9).pid("b"), used(1, 0).pid("a"), used(2, 0).pid("b"));
        assertThat(w).containsExactly(
                new Window("a", at(0), at(1), 4, 0, 0, 1, false),
                new Window("b", at(0.5), at(2), 9, 0, 0, 1, false));
    }

    @Test
    void reconstructedUsageOpensWindowsToo() {
        List<Window> w = windows(NO_MERGE, getconn(0).req("a"), getconn(1).req("b"), getconn(2).req("c"),
                getconn(3).req("d"), Ev.putconn(5).req("d"));
        assertThat(w).containsExactly(new Window("p1", at(3), at(5), 4, 0, 0, 1, false));
    }

    @Test
    void defaultCriticalIsAbove70() {
        PoolResult p = Ev.analyze(used(0, 70), used(1, 71), used(2, 70), used(3, 70)).pool();
        assertThat(p.windows()).containsExactly(new Window("p1", at(1), at(2), 71, 0, 0, 1, false));
        assertThat(p.microsAboveCritical()).isEqualTo(micros(1));
    }

    @Test
    void timeAboveCriticalAddsRawIntervalsIncludingTheOpenOne() {
        PoolResult p = Ev.analyze(Ev.windows(Duration.ofSeconds(60), 3),
                used(1, 4), used(3, 3), used(4, 4), used(6, 1), used(10, 5), used(12.5, 5)).pool();
        assertThat(p.microsAboveCritical()).isEqualTo(micros(2 + 2 + 2.5));
        assertThat(p.windowCount()).isEqualTo(1);
    }

    @Test
    void listIsCappedButTheCountIsExact() {
        var options = new AnalysisOptions(Duration.ofSeconds(60), Duration.ofSeconds(60), Duration.ZERO, 1,
                Ev.windows(Duration.ZERO, 3).thresholds());
        PoolResult p = Ev.analyze(options, failed(1), failed(2), failed(3)).pool();
        assertThat(p.windowCount()).isEqualTo(3);
        assertThat(p.windows()).hasSize(1);
    }
}
