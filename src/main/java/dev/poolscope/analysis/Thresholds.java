package dev.poolscope.analysis;

import java.util.Objects;

/**
 * The health table of the seed incident document: pool used 0–10 normal, above 70 critical;
 * getconn − putconn 0–2 normal, above 10 critical; any request without close is critical.
 */
public record Thresholds(Threshold poolUsed, Threshold leakDelta, Threshold requestsWithoutClose, PoolScale scale) {

    public Thresholds {
        Objects.requireNonNull(poolUsed, "poolUsed");
        Objects.requireNonNull(leakDelta, "leakDelta");
        Objects.requireNonNull(requestsWithoutClose, "requestsWithoutClose");
        Objects.requireNonNull(scale, "scale");
    }

    /** Thresholds used as given, whatever the pool's size ({@link PoolScale#ABSOLUTE}). */
    public Thresholds(Threshold poolUsed, Threshold leakDelta, Threshold requestsWithoutClose) {
        this(poolUsed, leakDelta, requestsWithoutClose, PoolScale.ABSOLUTE);
    }

    /** The same thresholds with the pool-used bands worked out for a pool of {@code max} (-1: unknown). */
    public Thresholds resolvedFor(int max) {
        Threshold used = scale.resolve(poolUsed, max);
        return used.equals(poolUsed) ? this : new Thresholds(used, leakDelta, requestsWithoutClose, scale);
    }

    /** Which pool-used rule applies for a pool of {@code max}, in words. */
    public String poolUsedBasis(int max) {
        return scale.basis(poolUsed, max);
    }

    /** The same bands, whatever the scaling rule: summaries merge when these agree. */
    public boolean sameBands(Thresholds o) {
        return poolUsed.equals(o.poolUsed) && leakDelta.equals(o.leakDelta)
                && requestsWithoutClose.equals(o.requestsWithoutClose);
    }

    public static Thresholds defaults() {
        return new Thresholds(new Threshold(10, 70), new Threshold(2, 10), new Threshold(0, 0), PoolScale.SEED);
    }
}
