package dev.poolscope.analysis;

import java.util.List;

/**
 * The pool over time, one bucket per {@code bucketMicros}, from the first timestamp's bucket to the
 * last one's without gaps (quiet buckets are listed with zero counts).
 *
 * @param requestedMicros the width the user asked for, or 0 for automatic; the timeline widens a
 *                        requested width only when it would exceed {@link TimelineAnalyzer#MAX_BUCKETS}
 */
public record Timeline(long bucketMicros, long requestedMicros, List<TimelineBucket> buckets) {

    public Timeline {
        buckets = List.copyOf(buckets);
    }

    public static Timeline empty() {
        return new Timeline(BucketLadder.FIRST, 0, List.of());
    }

    /** True when a requested width had to be widened to keep the timeline bounded. */
    public boolean widened() {
        return requestedMicros > 0 && bucketMicros != requestedMicros;
    }
}
