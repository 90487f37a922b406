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

    public static Health evaluate(Thresholds t, long peakUsed, long leakDelta, long requestsWithoutClose) {
        return evaluate(t, peakUsed, leakDelta, true, requestsWithoutClose);
    }

    /**
     * @param deltaKnown false when the log cannot give getconn − putconn (HikariCP logs no checkout): the
     *                   check is left out rather than judged on a 0 that was never observed
     */
    public static Health evaluate(Thresholds t, long peakUsed, long leakDelta, boolean deltaKnown,
                                  long requestsWithoutClose) {
        List<HealthCheck> checks = new java.util.ArrayList<>();
        checks.add(check(POOL_USED, Math.max(0, peakUsed), t.poolUsed()));
        if (deltaKnown) {
            checks.add(check(LEAK_DELTA, leakDelta, t.leakDelta()));
        }
        checks.add(check(REQUESTS_WITHOUT_CLOSE, requestsWithoutClose, t.requestsWithoutClose()));
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
