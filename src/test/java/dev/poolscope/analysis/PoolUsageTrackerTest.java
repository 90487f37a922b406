package dev.poolscope.analysis;

import static dev.poolscope.analysis.Ev.at;
import static dev.poolscope.analysis.Ev.failed;
import static dev.poolscope.analysis.Ev.getconn;
import static dev.poolscope.analysis.Ev.other;
import static org.assertj.core.api.Assertions.assertThat;

import dev.poolscope.event.PoolEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * PoolUsageTracker's rules, fed events one by one: the peak is the highest usage, at the earliest time it was
 * seen, then the smallest process name (docs/metrics.md, so that parts merge to the same result); the first
 * 10,000 processes have their own machine; the earliest maxItems windows are listed by start, also in a summary's
 * state; a later part's peak of 0 still counts; the timeline sees each usage.
 */
class PoolUsageTrackerTest {
    private static AnalysisOptions options(int maxItems) {
        Thresholds d = Thresholds.defaults();
        return new AnalysisOptions(Duration.ofSeconds(60), Duration.ofSeconds(60), Duration.ZERO, maxItems,
                new Thresholds(new Threshold(1, 3), d.leakDelta(), d.requestsWithoutClose()));
    }

    private static PoolUsageTracker fed(PoolUsageTracker t, Ev... events) {
        for (PoolEvent e : Ev.build(events)) {
            t.accept(e);
        }
        return t;
    }

    private static PoolResult peakOf(Ev... events) {
        return fed(new PoolUsageTracker(options(10)), events).finish();
    }

    @Test
    void aLaterEqualUsageLeavesThePeakAtItsFirstTime() {
        PoolResult p = peakOf(other(1).used(2).pid("p2"), other(2).used(2).pid("p1"));
        assertThat(p.peakUsed()).isEqualTo(2);
        assertThat(p.peakAt()).isEqualTo(at(1));
        assertThat(p.peakProcess()).isEqualTo("p2");
    }

    @Test
    void anEarlierEqualUsageLoggedLaterMovesThePeakBack() {
        PoolResult p = peakOf(other(2).used(2).pid("p1"), other(1).used(2).pid("p2"));
        assertThat(p.peakAt()).isEqualTo(at(1));
        assertThat(p.peakProcess()).isEqualTo("p2");
    }

    @Test
    void aLowerUsageEarlierDoesNotTakeThePeak() {
        PoolResult p = peakOf(other(2).used(2).pid("p1"), other(1).used(1).pid("p2"));
        assertThat(p.peakUsed()).isEqualTo(2);
        assertThat(p.peakAt()).isEqualTo(at(2));
        assertThat(p.peakProcess()).isEqualTo("p1");
    }

    @Test
    void atTheSameTimeTheSmallerProcessNameTakesThePeakInEitherOrder() {
        assertThat(peakOf(other(1).used(2).pid("p2"), other(1).used(2).pid("p1")).peakProcess()).isEqualTo("p1");
        assertThat(peakOf(other(1).used(2).pid("p1"), other(1).used(2).pid("p2")).peakProcess()).isEqualTo("p1");
    }

    @Test
    void theFirst10000ProcessesHaveTheirOwnMachineTheRestShareOne() {
        PoolUsageTracker t = new PoolUsageTracker(options(10));
        for (int i = 0; i < PoolUsageTracker.MAX_PROCESSES; i++) {
            t.accept(other(1).used(1).pid("p" + i).build(i + 1));
        }
        assertThat(t.state().processes()).hasSize(PoolUsageTracker.MAX_PROCESSES)
                .doesNotContainKey(PoolUsageTracker.OTHER_PROCESSES);
        t.accept(other(2).used(1).pid("extra").build(20_001));
        t.accept(other(2).used(1).pid("p0").build(20_002));   // a known one keeps its machine
        assertThat(t.state().processes()).hasSize(PoolUsageTracker.MAX_PROCESSES + 1)
                .containsKey(PoolUsageTracker.OTHER_PROCESSES).doesNotContainKey("extra");
    }

    @Test
    void theTimelineSeesEveryUsageAndTheLastIsKept() {
        List<long[]> seen = new ArrayList<>();
        PoolUsageTracker t = new PoolUsageTracker(options(10), new UsageSink() {
            @Override
            public void used(long time, int used) {
                seen.add(new long[] {time, used});
            }

            @Override
            public void above(long from, long to) {}
        });
        fed(t, getconn(1).req("a"), other(3).used(7));
        assertThat(t.lastUsed()).isEqualTo(7);
        fed(t, other(4));   // no usage: nothing for the timeline
        assertThat(t.lastUsed()).isEqualTo(PoolEvent.NO_COUNT);
        assertThat(seen).containsExactly(new long[] {at(1), 1}, new long[] {at(3), 7});
    }

    @Test
    void theEarliestMaxItemsWindowsAreListedWhenMoreCloseDuringTheLog() {
        // Point windows at 20, 21, 22 s (merge gap 0): 20 and 21 close as the next arrives, 22 is still pending at
        // the end. With room for 2, the listed are the two earliest.
        PoolResult p = fed(new PoolUsageTracker(options(2)), failed(20), failed(21), failed(22)).finish();
        assertThat(p.windowCount()).isEqualTo(3);
        assertThat(p.windows()).extracting(Window::start).containsExactly(at(20), at(21));
    }

    @Test
    void aSummarysStateListsItsClosedWindowsByStart() {
        UsageState s = fed(new PoolUsageTracker(options(10)), failed(20), failed(21), failed(22)).state();
        assertThat(s.closed()).extracting(Window::start).containsExactly(at(20), at(21));
        assertThat(s.closedCount()).isEqualTo(2);
    }

    @Test
    void aLaterPartsPeakOfZeroIsThePeakWhenTheEarlierSawNoUsage() {
        PoolUsageTracker earlier = fed(new PoolUsageTracker(options(10)), other(1));
        UsageState later = fed(new PoolUsageTracker(options(10)), other(5).used(0)).state();
        earlier.continueWith(later);
        PoolResult p = earlier.finish();
        assertThat(p.peakUsed()).isZero();
        assertThat(p.peakAt()).isEqualTo(at(5));
        assertThat(p.peakProcess()).isEqualTo("p1");
    }
}
