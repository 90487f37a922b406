package dev.poolscope.analysis;

/**
 * The last-resort limits of one analysis, derived from the heap the JVM may use, so that any input ends
 * with a report instead of running out of memory (issue 15). Below a limit every figure is exact; past
 * it the approximation is stated ({@code leaks.settled_by_limit},
 * {@code statement_timeouts.requests_counted_by_limit}). A pure function of the heap size given, so
 * that it is testable without a JVM of that size.
 *
 * @param openCheckouts   open checkouts kept before the oldest half is counted as leaked
 * @param timedOutRequests distinct timed-out requests remembered before further ones are only counted
 */
public record MemoryLimits(long openCheckouts, int timedOutRequests) {
    /**
     * What an open checkout costs in the compact store with its request index: 36 bytes measured with
     * UUID request ids and numeric connection ids (docs/performance.md), plus a margin for a part of the
     * index growing and a compaction's fresh chunks.
     */
    static final long BYTES_PER_OPEN = 40;
    /** A timed-out request remembered: its key object, id string and hash-set entry. */
    static final long BYTES_PER_TIMED_OUT = 200;
    /**
     * Kept for everything else: decoding batches on every thread, 65,536 remembered requests, endpoint
     * tables, histograms, the timeline, the report; measured at under 60 MB on 1 GB logs.
     */
    static final long RESERVE = 96L << 20;
    /** And a share of the heap left free, so the collector never works in a nearly full heap. */
    static final int FREE_PERCENT = 8;
    /** Never fewer than this, whatever the heap: a tiny heap still analyses ordinary logs exactly. */
    static final long MIN_OPEN = 250_000;
    static final int MIN_TIMED_OUT = 10_000;

    /** The limits for a heap of {@code maxMemory} bytes ({@link Runtime#maxMemory()}). */
    public static MemoryLimits forHeap(long maxMemory) {
        long budget = Math.max(0, maxMemory - RESERVE - maxMemory / 100 * FREE_PERCENT);
        long timeouts = Math.max(MIN_TIMED_OUT, Math.min(Integer.MAX_VALUE, budget / 16 / BYTES_PER_TIMED_OUT));
        long open = Math.max(MIN_OPEN, (budget - budget / 16) / BYTES_PER_OPEN);
        return new MemoryLimits(Math.min(open, SlotIndex.MAX_SLOTS / 2), (int) timeouts);
    }

    /** The limits for the heap of this JVM. */
    public static MemoryLimits ofThisJvm() {
        return forHeap(Runtime.getRuntime().maxMemory());
    }
}
