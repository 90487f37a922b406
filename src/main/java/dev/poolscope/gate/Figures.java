package dev.poolscope.gate;

import dev.poolscope.analysis.Diagnosis;
import dev.poolscope.server.ServerResult;

/**
 * The figures a CI gate compares: from this run's analysis, or from an earlier report used as a baseline.
 *
 * @param peakUsed        highest pool used of any process (0 when none was seen)
 * @param leakDelta       getconn − putconn
 * @param leakedRequests  requests that never returned a connection (requests without close)
 * @param statementTimeouts statement-timeout events
 * @param failedGetconn   checkouts the pool refused
 * @param idleInTransactionKills the server's FATAL 25P03; {@link GateResult#NOT_AVAILABLE} without a server log
 * @param tooManyClients  the server's FATAL 53300; {@link GateResult#NOT_AVAILABLE} without a server log
 */
public record Figures(long peakUsed, long leakDelta, long leakedRequests, long statementTimeouts,
                      long failedGetconn, long idleInTransactionKills, long tooManyClients) {

    /** The app's figures only (no server log). */
    public Figures(long peakUsed, long leakDelta, long leakedRequests, long statementTimeouts, long failedGetconn) {
        this(peakUsed, leakDelta, leakedRequests, statementTimeouts, failedGetconn, GateResult.NOT_AVAILABLE,
                GateResult.NOT_AVAILABLE);
    }

    /** This run's figures; those the log's dialect cannot observe are {@link GateResult#NOT_OBSERVABLE}. */
    public static Figures of(Diagnosis d) {
        ServerResult s = d.server() == null ? null : d.server().result();
        return new Figures(observed(d, Metric.POOL_USED, Math.max(0, d.pool().peakUsed())),
                observed(d, Metric.LEAK_DELTA, d.leakDelta()),
                observed(d, Metric.REQUESTS_WITHOUT_CLOSE, d.requestsWithoutClose()),
                d.timeouts().events(), d.counts().getconnFailed(),
                s == null ? GateResult.NOT_AVAILABLE : s.idleInTransactionKills(),
                s == null ? GateResult.NOT_AVAILABLE : s.tooManyClients());
    }

    private static long observed(Diagnosis d, Metric m, long value) {
        return Observability.why(m, d) == null ? value : GateResult.NOT_OBSERVABLE;
    }
}
