package dev.poolscope.gate;

import dev.poolscope.analysis.Diagnosis;

/**
 * Which gate figures the app log cannot give, and why (issue #16): a pool library that logs no checkout
 * (HikariCP) has no getconn − putconn; pool used needs a line that states it; leaked connections need every
 * checkout logged or HikariCP's leak detection on. The health table of {@code analyze} leaves the same rows out
 * ({@code Analysis}); here the check is listed as n/a and neither passes nor fails.
 */
public final class Observability {
    private Observability() {}

    /** Why the log cannot give {@code m}'s figure, or null when it can. */
    public static String why(Metric m, Diagnosis d) {
        return switch (m) {
            case LEAK_DELTA -> d.checkoutsLogged() ? null
                    : "HikariCP logs no checkout or checkin, so getconn - putconn is unknown";
            case POOL_USED -> d.pool().peakUsed() >= 0 ? null : poolUsed(d);
            case REQUESTS_WITHOUT_CLOSE -> d.library().leaksObservable() ? null : leaks(d);
            default -> null;
        };
    }

    private static String poolUsed(Diagnosis d) {
        return d.checkoutsLogged() ? "no line states the connections in use and no checkout was logged"
                : "no line states the connections in use: HikariCP logs them in its pool stats, at DEBUG"
                        + " (logger com.zaxxer.hikari), and in its connection-timeout errors";
    }

    private static String leaks(Diagnosis d) {
        String setting = d.library().leakDetectionThreshold() == 0 ? "its leak detection is off (leakDetectionThreshold 0)"
                : "the log shows no leak warning and no leakDetectionThreshold";
        return "HikariCP logs no checkout and " + setting + ", so leaked connections cannot be seen"
                + " (set leakDetectionThreshold, at least 2000 ms)";
    }
}
