package dev.poolscope.analysis;

import dev.poolscope.event.PoolEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts events per time bucket in bounded memory although the log's span is unknown until its end.
 *
 * <p>An automatic timeline starts with {@link BucketLadder#FIRST} buckets and, whenever the span from
 * the first to the last bucket would pass {@link #AUTO_MAX_BUCKETS}, merges neighbours into the next
 * ladder width. It therefore ends with at most 2000 buckets, and at least 2000 / 5 once it has
 * coarsened (no ladder step is more than 5 times the previous), so a chart gets 100–2000 points for
 * any log longer than 10 s. A requested width is kept unless it would pass {@link #MAX_BUCKETS}.
 * Keys are bucket indexes in a sorted map, so out-of-order and multi-file input land where they belong.
 */
public final class TimelineAnalyzer {
    static final int AUTO_MAX_BUCKETS = 2_000;
    /** Bounds memory and output when a user asks for fine buckets over a long log. */
    public static final int MAX_BUCKETS = 100_000;

    private final long requested;
    private final int maxBuckets;
    private final Thresholds thresholds;
    private final TreeMap<Long, Bucket> buckets = new TreeMap<>();
    private final Bucket untimed = new Bucket();
    private long width;
    private long currentIndex;
    private Bucket current;

    public TimelineAnalyzer(AnalysisOptions options) {
        this.requested = options.bucketMicros();
        this.width = requested > 0 ? requested : BucketLadder.FIRST;
        this.maxBuckets = requested > 0 ? MAX_BUCKETS : AUTO_MAX_BUCKETS;
        this.thresholds = options.thresholds();
    }

    /**
     * Takes one event with what the other trackers made of it.
     *
     * @param used pool used this event shows ({@link PoolEvent#NO_COUNT} if none)
     * @param open checkouts open after this event
     */
    public void accept(PoolEvent e, int used, long open) {
        Bucket b = e.hasTime() ? bucketOf(e.time()) : untimed;
        switch (e.kind()) {
            case CHECKOUT -> b.getconn++;
            case CHECKIN -> b.putconn++;
            case CHECKOUT_FAILED -> b.failed++;
            default -> { }
        }
        if (e.statementTimeout()) {
            b.timeouts++;
        }
        b.usedMax = Math.max(b.usedMax, used);
        b.openMax = Math.max(b.openMax, open);
    }

    private Bucket bucketOf(long time) {
        long index = Math.floorDiv(time, width);
        if (current != null && index == currentIndex) {
            return current;
        }
        while (!buckets.isEmpty() && span(index) > maxBuckets) {
            coarsen();
            index = Math.floorDiv(time, width);
        }
        current = buckets.computeIfAbsent(index, k -> new Bucket());
        currentIndex = index;
        return current;
    }

    private long span(long index) {
        long lo = Math.min(buckets.firstKey(), index);
        long hi = Math.max(buckets.lastKey(), index);
        return hi - lo + 1;
    }

    private void coarsen() {
        long next = BucketLadder.next(width);
        long factor = next / width;
        TreeMap<Long, Bucket> merged = new TreeMap<>();
        for (Map.Entry<Long, Bucket> en : buckets.entrySet()) {
            merged.merge(Math.floorDiv(en.getKey(), factor), en.getValue(), Bucket::mergedWith);
        }
        buckets.clear();
        buckets.putAll(merged);
        width = next;
        current = null;
    }

    /** The timeline so far, every bucket from the first to the last, with running leak delta and level. */
    public Timeline finish() {
        List<TimelineBucket> out = new ArrayList<>();
        if (!buckets.isEmpty()) {
            long delta = 0;
            for (long i = buckets.firstKey(); i <= buckets.lastKey(); i++) {
                Bucket b = buckets.getOrDefault(i, Bucket.EMPTY);
                if (i == buckets.firstKey()) {
                    b = b.copy().mergedWith(untimed);   // events before any timestamp belong to the start
                }
                delta += b.getconn - b.putconn;
                out.add(b.toRecord(i * width, delta, thresholds));
            }
        }
        return new Timeline(width, requested, out);
    }

    /** Mutable counts of one bucket while the log streams by. */
    private static final class Bucket {
        static final Bucket EMPTY = new Bucket();

        long getconn;
        long putconn;
        long failed;
        long timeouts;
        int usedMax = PoolEvent.NO_COUNT;
        long openMax = -1;

        Bucket mergedWith(Bucket o) {
            getconn += o.getconn;
            putconn += o.putconn;
            failed += o.failed;
            timeouts += o.timeouts;
            usedMax = Math.max(usedMax, o.usedMax);
            openMax = Math.max(openMax, o.openMax);
            return this;
        }

        Bucket copy() {
            return new Bucket().mergedWith(this);
        }

        TimelineBucket toRecord(long start, long delta, Thresholds t) {
            Level level = t.poolUsed().levelOf(Math.max(0, usedMax)).worst(t.leakDelta().levelOf(delta));
            return new TimelineBucket(start, getconn, putconn, delta, usedMax, openMax, failed, timeouts, level);
        }
    }
}
