package dev.poolscope.analysis;

import static dev.poolscope.analysis.Ev.at;
import static dev.poolscope.analysis.Ev.micros;
import static dev.poolscope.analysis.Ev.other;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The boundaries of near-exhaustion windows (docs/metrics.md, "Near-exhaustion windows"), critical threshold 3:
 * where a raw interval starts and ends, the {@code --merge-gap} join (in the pass, at the end of the input and
 * across the seam of two summaries) and the staleness bound.
 */
class WindowBoundaryTest {
    private static final Duration GAP = Duration.ofSeconds(5);

    private static Ev used(double s, int used) {
        return other(s).used(used);
    }

    private static List<Window> windows(Duration mergeGap, Ev... events) {
        return Ev.analyze(Ev.windows(mergeGap, 3), events).pool().windows();
    }

    /**
     * "it opens at the first event whose usage is <b>above</b> the threshold and closes at the next event of
     * that process whose usage is at or below it (end = that event's time ...)".
     */
    @Test
    void aRawIntervalStartsAboveTheThresholdAndEndsAtTheFirstUsageAtOrBelowIt() {
        PoolResult p = Ev.analyze(Ev.windows(Duration.ZERO, 3),
                used(0, 3), used(1, 4), used(2, 4), used(3, 3), used(4, 3)).pool();
        assertThat(p.windows()).containsExactly(new Window("p1", at(1), at(3), 4, 0, 0, 1, false));
        assertThat(p.microsAboveCritical()).isEqualTo(micros(2));
        assertThat(p.peakUsed()).isEqualTo(4);
    }

    /** "a process's raw intervals <b>less than {@code --merge-gap}</b> apart (next start − previous end &lt; gap ...)". */
    @Test
    void intervalsExactlyTheGapApartStayTwoOneMicrosecondCloserJoin() {
        assertThat(windows(GAP, used(0, 4), used(1, 0), used(6, 4), used(7, 0))).containsExactly(
                new Window("p1", at(0), at(1), 4, 0, 0, 1, false),
                new Window("p1", at(6), at(7), 4, 0, 0, 1, false));
        assertThat(windows(GAP, used(0, 4), used(1, 0), used(5.999999, 5), used(7, 0))).containsExactly(
                new Window("p1", at(0), at(7), 5, 0, 0, 2, false));
    }

    /** "<b>Open at end</b>: an interval still above the threshold when the input ends ... merges like any other." */
    @Test
    void theIntervalOpenAtTheEndJoinsOnlyWhenLessThanTheGapAfterThePreviousWindow() {
        assertThat(windows(GAP, used(0, 4), used(1, 0), used(6, 4), other(7).pid("p2"))).containsExactly(
                new Window("p1", at(0), at(1), 4, 0, 0, 1, false),
                new Window("p1", at(6), at(6), 4, 0, 0, 1, true));
        assertThat(windows(GAP, used(0, 4), used(1, 0), used(5.999999, 4), other(7).pid("p2"))).containsExactly(
                new Window("p1", at(0), at(5.999999), 4, 0, 0, 2, true));
    }

    /** "{@code --merge-gap 0} merges nothing": two intervals that touch stay two. */
    @Test
    void aZeroGapMergesNothingNotEvenIntervalsThatTouch() {
        assertThat(windows(Duration.ZERO, used(0, 4), used(1, 0), Ev.failed(1))).containsExactly(
                new Window("p1", at(0), at(1), 4, 0, 0, 1, false),
                new Window("p1", at(1), at(1), -1, 1, 0, 1, false));   // a failure without usage: no peak
    }

    /**
     * docs/summaries.md, "Merge semantics": "Windows closer than {@code --merge-gap} across the seam are joined
     * into one, as in one pass." Day 1 ends with a window closed at t = 1; day 2 opens one at 6 (exactly the
     * gap) or at 5.999999.
     */
    @Test
    void acrossTheSeamOfTwoSummariesTheSameGapRuleJoinsWindows() {
        AnalysisOptions o = Ev.windows(GAP, 3);
        Summary day1 = Ev.summarize(o, used(0, 4), used(1, 0));
        List<Window> apart = day1.merge(Ev.summarize(o, used(6, 4), used(7, 0))).finish().diagnosis().pool().windows();
        assertThat(apart).containsExactly(
                new Window("p1", at(0), at(1), 4, 0, 0, 1, false),
                new Window("p1", at(6), at(7), 4, 0, 0, 1, false));
        List<Window> joined = day1.merge(Ev.summarize(o, used(5.999999, 4), used(7, 0))).finish().diagnosis().pool()
                .windows();
        assertThat(joined).containsExactly(new Window("p1", at(0), at(7), 4, 0, 0, 2, false));
    }

    @Test
    void acrossTheSeamAWindowAlreadyClosedInTheLaterSummaryIsJoinedToo() {
        // day 2 closes its first window and starts another more than the gap later: the first joins day 1's
        AnalysisOptions o = Ev.windows(GAP, 3);
        Summary day1 = Ev.summarize(o, used(0, 4), used(1, 0));
        Summary day2 = Ev.summarize(o, used(5.999999, 4), used(7, 0), used(20, 4), used(21, 0));
        assertThat(day1.merge(day2).finish().diagnosis().pool().windows()).containsExactly(
                new Window("p1", at(0), at(7), 4, 0, 0, 2, false),
                new Window("p1", at(20), at(21), 4, 0, 0, 1, false));
        Summary day2Apart = Ev.summarize(o, used(6, 4), used(7, 0), used(20, 4), used(21, 0));
        assertThat(day1.merge(day2Apart).finish().diagnosis().pool().windows()).hasSize(3);
    }

    /**
     * "a process's usage counts for at most the <i>staleness bound</i> after its last sample above the
     * threshold: the merge gap, but at least <b>60 s</b>". A drop exactly the bound later still ends the
     * window at the drop; one microsecond later the window ends at its last sample above.
     */
    @Test
    void theStalenessBoundIsSixtySecondsInclusive() {
        assertThat(windows(GAP, used(0, 4), used(60, 0)))
                .containsExactly(new Window("p1", at(0), at(60), 4, 0, 0, 1, false));
        assertThat(windows(GAP, used(0, 4), used(60.000001, 0)))
                .containsExactly(new Window("p1", at(0), at(0), 4, 0, 0, 1, false));
    }

    @Test
    void aMergeGapLongerThanSixtySecondsIsTheStalenessBound() {
        Duration ninety = Duration.ofSeconds(90);
        assertThat(windows(ninety, used(0, 4), used(90, 0)))
                .containsExactly(new Window("p1", at(0), at(90), 4, 0, 0, 1, false));
        assertThat(windows(ninety, used(0, 4), used(90.000001, 0)))
                .containsExactly(new Window("p1", at(0), at(0), 4, 0, 0, 1, false));
    }

    /**
     * "{@code ongoing_at_end: true} unless its process was silent past the staleness bound before the input's
     * last timestamp".
     */
    @Test
    void aWindowIsOngoingAtTheEndUnlessItsProcessWasSilentPastTheBound() {
        assertThat(windows(GAP, used(0, 4), other(60).pid("p2")))
                .containsExactly(new Window("p1", at(0), at(0), 4, 0, 0, 1, true));
        assertThat(windows(GAP, used(0, 4), other(60.000001).pid("p2")))
                .containsExactly(new Window("p1", at(0), at(0), 4, 0, 0, 1, false));
    }
}
