package dev.poolscope.analysis;

/**
 * A metric's bands: up to {@code normalMax} is normal, above {@code criticalAbove} is critical,
 * in between is a warning.
 */
public record Threshold(long normalMax, long criticalAbove) {

    public Threshold {
        if (normalMax < 0 || criticalAbove < normalMax) {
            throw new IllegalArgumentException(
                    "need 0 <= normal max <= critical above, got " + normalMax + " and " + criticalAbove);
        }
    }

    public Level levelOf(long value) {
        if (value > criticalAbove) {
            return Level.CRITICAL;
        }
        return value > normalMax ? Level.WARNING : Level.OK;
    }
}
