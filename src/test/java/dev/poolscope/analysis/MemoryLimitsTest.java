package dev.poolscope.analysis;

import static dev.poolscope.analysis.Ev.other;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 15.1: the last-resort limits come from the heap, so that any input ends with a report. The long
 * runs (16 and 50 million never-returned checkouts on the default launcher) are {@code bench/memory-bound.sh};
 * here the derivation is checked for given heap sizes, and the timeout limit end to end.
 */
class MemoryLimitsTest {
    private static final long MB = 1L << 20;

    @Test
    void whatTheLimitsKeepFitsInTheHeapWithTheReserveLeft() {
        for (long heap : new long[] {256 * MB, 509 * MB, 512 * MB, 2048 * MB, 8192 * MB}) {
            MemoryLimits l = MemoryLimits.forHeap(heap);
            long kept = l.openCheckouts() * MemoryLimits.BYTES_PER_OPEN
                    + (long) l.timedOutRequests() * MemoryLimits.BYTES_PER_TIMED_OUT;
            assertThat(kept + MemoryLimits.RESERVE).as("heap %d MB", heap / MB).isLessThanOrEqualTo(heap);
        }
    }

    @Test
    void theDefaultHeapKeepsMillionsExactlyAndMoreHeapKeepsMore() {
        // bin/poolscope's -Xmx512m with the serial collector: Runtime.maxMemory() is about 509 MB
        MemoryLimits standard = MemoryLimits.forHeap(509 * MB);
        assertThat(standard.openCheckouts()).isBetween(8_000_000L, 10_000_000L);
        assertThat(standard.timedOutRequests()).isGreaterThanOrEqualTo(100_000);
        MemoryLimits bigger = MemoryLimits.forHeap(1024 * MB);   // twice the heap, more than twice the room
        assertThat(bigger.openCheckouts()).isGreaterThan(2 * standard.openCheckouts());
        assertThat(bigger.timedOutRequests()).isGreaterThan(standard.timedOutRequests());
    }

    @Test
    void tinyAndHugeHeapsAreClamped() {
        assertThat(MemoryLimits.forHeap(64 * MB)).isEqualTo(
                new MemoryLimits(MemoryLimits.MIN_OPEN, MemoryLimits.MIN_TIMED_OUT));   // less than the reserve
        // the store numbers slots in an int index: never more than half of them open, closed marks need room
        assertThat(MemoryLimits.forHeap(1L << 40).openCheckouts()).isEqualTo(SlotIndex.MAX_SLOTS / 2);
    }

    @Test
    void timedOutRequestsPastTheLimitAreCountedAndSaidSo() {
        // 30 requests time out, 10 of them twice; only 12 can be remembered.
        Analysis a = new Analysis(AnalysisOptions.defaults(), new MemoryLimits(1_000_000, 12));
        List<Ev> events = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            events.add(other(i).req("r" + i).timeout());
        }
        for (int i = 0; i < 10; i++) {
            events.add(other(40 + i).req("r" + (20 + i)).timeout());   // retries of requests not remembered
        }
        for (int i = 0; i < events.size(); i++) {
            a.accept(events.get(i).build(i + 1));
        }
        TimeoutResult t = a.finish(new InputSummary(List.of("t.jsonl"), events.size(), 0, 0, List.of())).timeouts();
        assertThat(t.events()).isEqualTo(40);
        assertThat(t.requests()).hasSize(12);
        // 18 first timeouts and 10 retries of requests not remembered: 28 counted by the limit, 40 in all,
        // an upper bound of the true 30, and stated
        assertThat(t.requestsByLimit()).isEqualTo(28);
        assertThat(t.requestCount()).isEqualTo(40);
    }

    @Test
    void belowTheLimitTimedOutRequestsAreExact() {
        Analysis a = new Analysis(AnalysisOptions.defaults(), MemoryLimits.forHeap(509 * MB));
        Ev[] events = {other(1).req("a").timeout(), other(2).req("a").timeout(), other(3).req("b").timeout()};
        for (int i = 0; i < events.length; i++) {
            a.accept(events[i].build(i + 1));
        }
        TimeoutResult t = a.finish(new InputSummary(List.of("t.jsonl"), 3, 0, 0, List.of())).timeouts();
        assertThat(t.requestCount()).isEqualTo(2);
        assertThat(t.requestsByLimit()).isZero();
    }
}
