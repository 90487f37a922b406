package dev.poolscope.analysis;

import java.util.List;

/** The health table and its verdict, the worst level of any check. */
public record Health(Level verdict, List<HealthCheck> checks) {
    public static final String POOL_USED = "pool_used";
    public static final String LEAK_DELTA = "leak_delta";
    public static final String REQUESTS_WITHOUT_CLOSE = "requests_without_close";

    public Health {
        checks = List.copyOf(checks);
    }

    /**
     * A figure the log cannot give (getconn − putconn when HikariCP, which logs no checkout, was read; pool used
     * when no line states it): its row is left out rather than judged on a 0 that was never observed.
     */
    public static final long UNKNOWN = Long.MIN_VALUE;

    /** Each figure may be {@link #UNKNOWN}; a negative peak used (none seen) counts as 0 here, as before. */
    public static Health evaluate(Thresholds t, long peakUsed, long leakDelta, long requestsWithoutClose) {
        List<HealthCheck> checks = new java.util.ArrayList<>();
        if (peakUsed != UNKNOWN) {
            checks.add(check(POOL_USED, Math.max(0, peakUsed), t.poolUsed()));
        }
        if (leakDelta != UNKNOWN) {
            checks.add(check(LEAK_DELTA, leakDelta, t.leakDelta()));
        }
        if (requestsWithoutClose != UNKNOWN) {
            checks.add(check(REQUESTS_WITHOUT_CLOSE, requestsWithoutClose, t.requestsWithoutClose()));
        }
        Level verdict = Level.OK;
        for (HealthCheck c : checks) {
            verdict = verdict.worst(c.level());
        }
        return new Health(verdict, checks);
    }

    private static HealthCheck check(String metric, long value, Threshold threshold) {
        return new HealthCheck(metric, value, threshold.levelOf(value), threshold);
    }
}
