package dev.poolscope.analysis;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of one analysis, validated once.
 *
 * @param grace         an open checkout older than this at the log's last timestamp is a leak even if
 *                      its request never logged its end
 * @param leakThreshold a checkout held longer than this is reported as a long hold (HikariCP's
 *                      leakDetectionThreshold idea)
 * @param mergeGap      near-exhaustion windows closer than this are merged into one
 * @param maxItems      cap on every listed item (leaks, holds, windows, timeouts); totals stay exact
 */
public record AnalysisOptions(Duration grace, Duration leakThreshold, Duration mergeGap, int maxItems,
                              Thresholds thresholds) {

    public AnalysisOptions {
        Objects.requireNonNull(thresholds, "thresholds");
        requireNonNegative("grace", grace);
        requireNonNegative("leak threshold", leakThreshold);
        requireNonNegative("merge gap", mergeGap);
        if (maxItems < 1) {
            throw new IllegalArgumentException("max items must be at least 1, got " + maxItems);
        }
    }

    public static AnalysisOptions defaults() {
        return new AnalysisOptions(Duration.ofSeconds(60), Duration.ofSeconds(60), Duration.ofSeconds(5), 1000,
                Thresholds.defaults());
    }

    long graceMicros() {
        return micros(grace);
    }

    long leakThresholdMicros() {
        return micros(leakThreshold);
    }

    long mergeGapMicros() {
        return micros(mergeGap);
    }

    private static long micros(Duration d) {
        return d.toNanos() / 1_000;
    }

    private static void requireNonNegative(String name, Duration d) {
        Objects.requireNonNull(d, name);
        if (d.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative: " + d);
        }
    }
}
