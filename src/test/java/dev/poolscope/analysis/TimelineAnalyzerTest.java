package dev.poolscope.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.poolscope.event.EventKind;
import dev.poolscope.event.PoolEvent;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TimelineAnalyzerTest {
    private static final long S = 1_000_000;
    private static final long T0 = 1_767_225_600L * S;   // 2026-01-01T00:00:00Z

    private static PoolEvent event(EventKind kind, long time, int used) {
        return new PoolEvent(kind, time, "1", null, null, used, PoolEvent.NO_COUNT, null, false, false, "t", 1);
    }

    private static TimelineAnalyzer analyzer(Duration bucket) {
        AnalysisOptions d = AnalysisOptions.defaults();
        return new TimelineAnalyzer(new AnalysisOptions(d.grace(), d.leakThreshold(), d.mergeGap(), d.maxItems(),
                d.thresholds(), bucket));
    }

    /** 3 h of one getconn a second: 100 ms, 500 ms, 1 s and 5 s buckets are too many (> 2000); 10 s gives 1080. */
    @Test
    void autoWidthIsTheFirstLadderStepWithAtMost2000Buckets() {
        TimelineAnalyzer a = analyzer(Duration.ZERO);
        for (long s = 0; s < 3 * 3600; s++) {
            a.accept(event(EventKind.CHECKOUT, T0 + s * S, 1), 1, s + 1);
        }
        Timeline t = a.finish();
        assertThat(t.bucketMicros()).isEqualTo(10 * S);
        assertThat(t.buckets()).hasSize(1080).allMatch(b -> b.getconn() == 10);
        assertThat(t.buckets().get(0).start()).isEqualTo(T0);
        assertThat(t.buckets().get(1079).leakDelta()).isEqualTo(10_800);
        assertThat(t.buckets().get(1079).openCheckoutsMax()).isEqualTo(10_800);
        assertThat(t.widened()).isFalse();
    }

    /** Coarsening while streaming must give exactly what counting at the final width from the start gives. */
    @Test
    void coarsenedTimelineEqualsOneCountedAtItsFinalWidth() {
        Random random = new Random(42);
        PoolEvent[] events = new PoolEvent[50_000];
        int[] used = new int[events.length];
        EventKind[] kinds = {EventKind.CHECKOUT, EventKind.CHECKIN, EventKind.CHECKOUT_FAILED, EventKind.OTHER};
        for (int i = 0; i < events.length; i++) {
            long jitter = (long) (random.nextGaussian() * 2 * S);   // out of order by a few seconds
            long time = T0 + (long) i * 7 * 3600 * S / events.length + jitter;
            used[i] = random.nextInt(10) == 0 ? PoolEvent.NO_COUNT : random.nextInt(90);
            events[i] = event(kinds[random.nextInt(kinds.length)], time, used[i]);
        }
        TimelineAnalyzer auto = analyzer(Duration.ZERO);
        for (int i = 0; i < events.length; i++) {
            auto.accept(events[i], used[i], i % 50);
        }
        Timeline coarse = auto.finish();
        TimelineAnalyzer fixed = analyzer(Duration.ofNanos(coarse.bucketMicros() * 1000));
        for (int i = 0; i < events.length; i++) {
            fixed.accept(events[i], used[i], i % 50);
        }
        assertThat(coarse.buckets()).hasSizeBetween(100, 2000).isEqualTo(fixed.finish().buckets());
        assertThat(coarse.buckets().stream().mapToLong(b -> b.getconn() + b.putconn() + b.getconnFailed()).sum())
                .isEqualTo(java.util.Arrays.stream(events).filter(e -> e.kind() != EventKind.OTHER).count());
    }

    @ParameterizedTest
    @ValueSource(longs = {10, 60, 3600, 86_400, 30 * 86_400, 365 * 86_400})
    void anyLogOfTenSecondsOrMoreGets100To2000Buckets(long spanSeconds) {
        TimelineAnalyzer a = analyzer(Duration.ZERO);
        for (int i = 0; i <= 5000; i++) {
            a.accept(event(EventKind.CHECKOUT, T0 + spanSeconds * S * i / 5000, 1), 1, 1);
        }
        assertThat(a.finish().buckets()).hasSizeBetween(100, 2000);
    }

    @Test
    void requestedWidthIsKeptUnlessItWouldPassTheCap() {
        TimelineAnalyzer day = analyzer(Duration.ofSeconds(1));
        day.accept(event(EventKind.CHECKOUT, T0, 1), 1, 1);
        day.accept(event(EventKind.CHECKIN, T0 + 86_399 * S, 0), 0, 0);
        Timeline kept = day.finish();
        assertThat(kept.bucketMicros()).isEqualTo(S);
        assertThat(kept.buckets()).hasSize(86_400);
        assertThat(kept.widened()).isFalse();

        TimelineAnalyzer twoDays = analyzer(Duration.ofSeconds(1));
        twoDays.accept(event(EventKind.CHECKOUT, T0, 1), 1, 1);
        twoDays.accept(event(EventKind.CHECKIN, T0 + 2 * 86_400 * S, 0), 0, 0);
        Timeline widened = twoDays.finish();
        assertThat(widened.bucketMicros()).isEqualTo(5 * S);
        assertThat(widened.buckets()).hasSizeLessThanOrEqualTo(TimelineAnalyzer.MAX_BUCKETS);
        assertThat(widened.widened()).isTrue();
    }

    @Test
    void eventsBeforeTheFirstTimestampCountInTheFirstBucket() {
        TimelineAnalyzer a = analyzer(Duration.ofSeconds(1));
        a.accept(event(EventKind.CHECKOUT, PoolEvent.NO_TIME, 1), 1, 1);
        a.accept(event(EventKind.CHECKOUT, T0 + S / 2, 2), 2, 2);
        a.accept(event(EventKind.CHECKIN, T0 + 3 * S / 2, 1), 1, 1);
        Timeline t = a.finish();
        assertThat(t.buckets()).extracting(TimelineBucket::getconn).containsExactly(2L, 0L);
        assertThat(t.buckets()).extracting(TimelineBucket::leakDelta).containsExactly(2L, 1L);
    }

    /** A log that starts mid-stream has more putconn than getconn: a negative delta is a number, level ok. */
    @Test
    void runningDeltaMayBeNegative() {
        TimelineAnalyzer a = analyzer(Duration.ofSeconds(1));
        a.accept(event(EventKind.CHECKIN, T0, 4), 4, 0);
        a.accept(event(EventKind.CHECKIN, T0 + S, 3), 3, 0);
        Timeline t = a.finish();
        assertThat(t.buckets()).extracting(TimelineBucket::leakDelta).containsExactly(-1L, -2L);
        assertThat(t.buckets()).extracting(TimelineBucket::level).containsOnly(Level.OK);
    }

    /** One bogus 1970 timestamp must not make the timeline huge: it widens instead. */
    @Test
    void anOutlierTimestampWidensTheBucketsInsteadOfGrowingMemory() {
        TimelineAnalyzer a = analyzer(Duration.ZERO);
        a.accept(event(EventKind.CHECKOUT, 0, 1), 1, 1);
        for (int i = 0; i < 1000; i++) {
            a.accept(event(EventKind.CHECKOUT, T0 + i * S, 1), 1, 1);
        }
        Timeline t = a.finish();
        assertThat(t.buckets()).hasSizeLessThanOrEqualTo(2000);
        assertThat(t.buckets().stream().mapToLong(TimelineBucket::getconn).sum()).isEqualTo(1001);
    }

    /**
     * Rule: statement timeouts are counted in the bucket of their event, other events add none, and one before
     * any timestamp counts in the first bucket: 0.5 s, 0.7 s and the untimed one in the first, none in the second.
     */
    @Test
    void statementTimeoutsAreCountedPerBucket() {
        TimelineAnalyzer a = analyzer(Duration.ofSeconds(1));
        for (long at : new long[] {PoolEvent.NO_TIME, T0 + S / 2, T0 + 7 * S / 10}) {
            a.accept(new PoolEvent(EventKind.OTHER, at, "1", null, null, PoolEvent.NO_COUNT, PoolEvent.NO_COUNT, null,
                    true, false, "t", 1), PoolEvent.NO_COUNT, 0);
        }
        a.accept(event(EventKind.OTHER, T0 + 6 * S / 5, PoolEvent.NO_COUNT), PoolEvent.NO_COUNT, 0);
        assertThat(a.finish().buckets()).extracting(TimelineBucket::statementTimeouts).containsExactly(3L, 0L);
    }

    /**
     * Rule: at most 2000 buckets, so a span of exactly 2000 keeps the width. At the first width (100 ms), events
     * at T0 and T0 + 1999 x 100 ms span 2000 buckets; one more at T0 + 200 s spans 2001 and the width moves to the
     * next step, 500 ms: 200 s / 500 ms + 1 = 401 buckets.
     */
    @Test
    void exactlyTheMostBucketsKeepsTheWidthOneMoreCoarsens() {
        TimelineAnalyzer a = analyzer(Duration.ZERO);
        a.accept(event(EventKind.CHECKOUT, T0, 1), 1, 1);
        a.accept(event(EventKind.CHECKOUT, T0 + 1999 * S / 10, 1), 1, 1);
        Timeline full = a.finish();
        assertThat(full.bucketMicros()).isEqualTo(S / 10);
        assertThat(full.buckets()).hasSize(2000);

        a.accept(event(EventKind.CHECKOUT, T0 + 200 * S, 1), 1, 1);
        Timeline coarser = a.finish();
        assertThat(coarser.bucketMicros()).isEqualTo(S / 2);
        assertThat(coarser.buckets()).hasSize(401);
        assertThat(coarser.buckets()).extracting(TimelineBucket::getconn).containsOnly(0L, 1L);
        assertThat(coarser.buckets().get(400).start()).isEqualTo(T0 + 200 * S);
    }

    @Test
    void ladderStepsDivideEachOther() {
        long w = BucketLadder.FIRST;
        for (int i = 0; i < 30; i++) {
            long next = BucketLadder.next(w);
            assertThat(next % w).isZero();
            assertThat(next / w).isBetween(2L, 5L);
            w = next;
        }
        assertThat(BucketLadder.next(7 * S)).isEqualTo(14 * S);   // a requested odd width doubles
    }
}
