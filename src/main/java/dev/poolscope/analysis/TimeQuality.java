package dev.poolscope.analysis;

/**
 * What the analysis noticed about the log's clock. The analysis stays correct regardless (it pairs by
 * ids and file order, and measures ages against the latest time seen); these say how far to trust
 * the durations it reports.
 *
 * @param outOfOrder       events stamped earlier than an event before them in the input (several
 *                         processes or threads writing one file, files given in the wrong order)
 * @param largestStepBack  the largest such step back, in microseconds, and where it was
 * @param largestGap       the largest jump forward to a new latest time (idle period or clock jump)
 * @param negativeHolds    checkins stamped before their checkout: counted as held for 0
 * @param sameTimeReorders checkins logged before their own checkout with the same timestamp, paired anyway
 */
public record TimeQuality(long outOfOrder, long largestStepBack, Place stepBackAt, long largestGap, Place gapAt,
                          long negativeHolds, long sameTimeReorders) {

    /** A line of an input. */
    public record Place(String source, long line) {}

    public static TimeQuality empty() {
        return new TimeQuality(0, 0, null, 0, null, 0, 0);
    }
}
