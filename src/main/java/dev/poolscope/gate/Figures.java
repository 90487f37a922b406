package dev.poolscope.gate;

import dev.poolscope.analysis.Diagnosis;

/**
 * The figures a CI gate compares: from this run's analysis, or from an earlier report used as a baseline.
 *
 * @param peakUsed        highest pool used of any process (0 when none was seen)
 * @param leakDelta       getconn − putconn
 * @param leakedRequests  requests that never returned a connection (requests without close)
 * @param statementTimeouts statement-timeout events
 * @param failedGetconn   checkouts the pool refused
 */
public record Figures(long peakUsed, long leakDelta, long leakedRequests, long statementTimeouts,
                      long failedGetconn) {

    public static Figures of(Diagnosis d) {
        return new Figures(Math.max(0, d.pool().peakUsed()), d.leakDelta(), d.requestsWithoutClose(),
                d.timeouts().events(), d.counts().getconnFailed());
    }
}
