package dev.poolscope.sample;

/**
 * The knobs behind a {@link Scenario}. Times are in microseconds, rates per second.
 *
 * @param baseRate           request arrivals per second outside a storm
 * @param stormRate          arrivals per second inside a storm (0: no storms)
 * @param stormCycle         a storm starts {@code stormOffset} into every cycle of this length
 * @param stormOffset        when a storm starts within its cycle
 * @param stormLength        how long a storm lasts
 * @param earlyReturn        chance a leaky router takes its 409/404/422 early-return path
 * @param leakOnEarlyReturn  chance that early return skips putconn (the bug)
 * @param timeoutInStorm     chance a coding-stats call times out during a storm
 * @param timeoutLeakEvery   every n-th timed-out request leaves its connection open (0: never)
 * @param divisionByZero     chance a coding-stats call fails with DivisionByZero (not a timeout)
 * @param jobEvery           mean gap between background jobs per process (0: no jobs)
 * @param warmup             simulated but unlogged time before the start, so the log opens mid-stream
 * @param restartAfterFailure a worker restarts (fresh pid and pool) this long after its first
 *                           failed checkout, so long size-targeted runs don't degrade into 503s only;
 *                           LEAKY_ROUTERS in request mode instead ends there (0: never)
 */
record Profile(double baseRate, double stormRate, long stormCycle, long stormOffset, long stormLength,
               double earlyReturn, double leakOnEarlyReturn, double timeoutInStorm, int timeoutLeakEvery,
               double divisionByZero, long jobEvery, long warmup, long restartAfterFailure) {

    static final long SECOND = 1_000_000L;

    static Profile of(Scenario scenario) {
        return switch (scenario) {
            case HEALTHY -> new Profile(6, 0, 0, 0, 0, 0.2, 0, 0, 0, 0.08, 15 * SECOND, 0, 20 * SECOND);
            case LEAKY_ROUTERS -> new Profile(8, 0, 0, 0, 0, 0.45, 1.0, 0, 0, 0, 20 * SECOND, 0,
                    20 * SECOND);
            case TIMEOUT_STORM -> new Profile(5, 30, 60 * SECOND, 15 * SECOND, 12 * SECOND, 0.15, 0,
                    0.75, 5, 0.03, 20 * SECOND, 0, 20 * SECOND);
            case MIXED_PROCESSES -> new Profile(9, 0, 0, 0, 0, 0.25, 0.08, 0, 0, 0.01, 3 * SECOND,
                    3 * SECOND, 20 * SECOND);
        };
    }

    boolean inStorm(long sinceStart) {
        if (stormRate <= 0 || sinceStart < 0) {
            return false;
        }
        long inCycle = sinceStart % stormCycle;
        return inCycle >= stormOffset && inCycle < stormOffset + stormLength;
    }

    double rateAt(long sinceStart) {
        return inStorm(sinceStart) ? stormRate : baseRate;
    }
}
