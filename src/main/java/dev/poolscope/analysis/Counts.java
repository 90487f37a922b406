package dev.poolscope.analysis;

import dev.poolscope.event.PoolEvent;

/**
 * Plain event counts, the figures engineers used to grep for.
 *
 * @param exhaustionErrors events other than failed checkouts quoting "connection pool exhausted",
 *                         e.g. a 503 response; kept apart so a failure is not counted twice
 */
public record Counts(long events, long getconn, long putconn, long getconnFailed, long nearlyExhausted,
                     long exhaustionErrors, long missingTimestamps, long firstTime, long lastTime) {

    public static Counts empty() {
        return new Counts(0, 0, 0, 0, 0, 0, 0, PoolEvent.NO_TIME, PoolEvent.NO_TIME);
    }

    /** getconn − putconn, the figure of the seed document's health table. */
    public long leakDelta() {
        return getconn - putconn;
    }

    /** Counts of two inputs taken together; associative, with {@link #empty()} as identity. */
    public Counts merge(Counts o) {
        return new Counts(events + o.events, getconn + o.getconn, putconn + o.putconn,
                getconnFailed + o.getconnFailed, nearlyExhausted + o.nearlyExhausted,
                exhaustionErrors + o.exhaustionErrors, missingTimestamps + o.missingTimestamps,
                minTime(firstTime, o.firstTime), maxTime(lastTime, o.lastTime));
    }

    static long minTime(long a, long b) {
        if (a == PoolEvent.NO_TIME) {
            return b;
        }
        return b == PoolEvent.NO_TIME ? a : Math.min(a, b);
    }

    static long maxTime(long a, long b) {
        return Math.max(a, b);   // NO_TIME is Long.MIN_VALUE, so it never wins
    }
}
