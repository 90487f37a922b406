package dev.poolscope.analysis;

import java.util.Objects;

/**
 * The health table of the seed incident document: pool used 0–10 normal, above 70 critical;
 * getconn − putconn 0–2 normal, above 10 critical; any request without close is critical.
 */
public record Thresholds(Threshold poolUsed, Threshold leakDelta, Threshold requestsWithoutClose) {

    public Thresholds {
        Objects.requireNonNull(poolUsed, "poolUsed");
        Objects.requireNonNull(leakDelta, "leakDelta");
        Objects.requireNonNull(requestsWithoutClose, "requestsWithoutClose");
    }

    public static Thresholds defaults() {
        return new Thresholds(new Threshold(10, 70), new Threshold(2, 10), new Threshold(0, 0));
    }
}
