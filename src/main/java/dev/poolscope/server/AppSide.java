package dev.poolscope.server;

import java.util.List;

/**
 * The app's half of the join, from its own log.
 *
 * @param leaks        listed leaked checkouts (the analysis caps the list; {@code leakTotal} is exact)
 * @param failedTimes  times of failed getconns, sorted (capped; {@code failedTotal} is exact)
 * @param timeoutTimes times of statement timeouts, sorted (capped; {@code timeoutTotal} is exact)
 */
public record AppSide(List<AppLeak> leaks, long leakTotal, long[] failedTimes, long failedTotal,
                      long[] timeoutTimes, long timeoutTotal) {
    public AppSide {
        leaks = List.copyOf(leaks);
        failedTimes = failedTimes.clone();
        timeoutTimes = timeoutTimes.clone();
    }
}
