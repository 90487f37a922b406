package dev.poolscope.analysis;

/**
 * The bucket widths an automatic timeline steps through. Each is a whole multiple of the one before,
 * so coarsening merges whole buckets and never splits one; all up to a day divide a day, so bucket
 * starts fall on round UTC times.
 */
final class BucketLadder {
    private static final long MS = 1_000;
    private static final long S = 1_000 * MS;
    private static final long M = 60 * S;
    private static final long H = 60 * M;
    private static final long[] WIDTHS = {
        100 * MS, 500 * MS, S, 5 * S, 10 * S, 30 * S, M, 5 * M, 10 * M, 30 * M, H, 3 * H, 6 * H, 12 * H, 24 * H};

    /** Where an automatic timeline starts: fine enough that a 10-second log still gets 100 points. */
    static final long FIRST = WIDTHS[0];

    private BucketLadder() {}

    /** The next coarser width: the next ladder step that {@code width} divides, else twice the width. */
    static long next(long width) {
        for (long w : WIDTHS) {
            if (w > width && w % width == 0) {
                return w;
            }
        }
        return Math.multiplyExact(width, 2);
    }
}
