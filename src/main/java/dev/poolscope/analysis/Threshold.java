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

    // Written out: a record's generated equals is bootstrapped through method handles on first use, a
    // measurable share of a small log's start-up, and the pool-used tracker compares thresholds early.
    @Override
    public boolean equals(Object o) {
        return o instanceof Threshold t && t.normalMax == normalMax && t.criticalAbove == criticalAbove;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(normalMax) * 31 + Long.hashCode(criticalAbove);
    }

    public Level levelOf(long value) {
        if (value > criticalAbove) {
            return Level.CRITICAL;
        }
        return value > normalMax ? Level.WARNING : Level.OK;
    }
}
