package dev.poolscope.analysis;

/**
 * One time bucket of the timeline.
 *
 * @param start             bucket start, microseconds since the epoch (UTC); the bucket ends at start + width
 * @param leakDelta         running getconn − putconn from the start of the log to the end of this bucket
 * @param poolUsedMax       highest pool used any process showed in the bucket, or -1 when no event showed it
 * @param openCheckoutsMax  most checkouts open at once in the bucket (all processes), or -1 for an empty bucket
 * @param level             worst health level of this bucket's pool used and running leak delta
 */
public record TimelineBucket(long start, long getconn, long putconn, long leakDelta, int poolUsedMax,
                             long openCheckoutsMax, long getconnFailed, long statementTimeouts, Level level) {}
