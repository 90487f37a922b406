package dev.poolscope.gate;

/**
 * One check of {@code check}: a figure, its limit and where the limit came from.
 *
 * @param limit    the highest passing value
 * @param baseline the baseline's figure when {@code basis} is {@link Basis#BASELINE}, else -1
 */
public record GateResult(Metric metric, long value, long limit, Basis basis, long baseline) {
    /** The value of a figure the inputs cannot give (server figures without a server log): never a pass. */
    public static final long NOT_AVAILABLE = Long.MIN_VALUE;
    /**
     * The value of a figure the app log's dialect cannot observe (getconn − putconn in a HikariCP log, see
     * {@link Observability}): the check neither passes nor fails, and says why.
     */
    public static final long NOT_OBSERVABLE = Long.MIN_VALUE + 1;

    /** Where a limit came from. */
    public enum Basis {
        /** The health table's critical band: critical above the limit. */
        HEALTH_CRITICAL,
        /** The health table's normal band: a warning above the limit. */
        HEALTH_WARNING,
        /** A hard limit the user set. */
        SETTING,
        /** The baseline figure plus the tolerance. */
        BASELINE
    }

    public boolean passed() {
        return value != NOT_AVAILABLE && value != NOT_OBSERVABLE && value <= limit;
    }

    /** Not checked: the log cannot give the figure, and a 0 would be a figure never observed. */
    public boolean notObservable() {
        return value == NOT_OBSERVABLE;
    }

    /** Counts against the verdict. */
    public boolean failed() {
        return !passed() && !notObservable();
    }

    /** The value as reports print it: {@code n/a} when the inputs cannot give it. */
    public String valueText() {
        return value == NOT_AVAILABLE || value == NOT_OBSERVABLE ? "n/a" : Long.toString(value);
    }
}
