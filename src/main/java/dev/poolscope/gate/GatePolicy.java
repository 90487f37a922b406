package dev.poolscope.gate;

import dev.poolscope.analysis.Level;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code check} fails on. Each metric's limit comes from the first that applies: a hard limit
 * the user set, else the baseline plus the tolerance, else the health table's band for {@code failOn}.
 *
 * @param failOn    {@link Level#WARNING} fails above the normal band, {@link Level#CRITICAL} above the critical one
 * @param maxima    hard limits per metric (a metric is absent when the user set none)
 * @param baseline  figures of an earlier report: fail only on regression
 * @param tolerance how far above the baseline a figure may go
 */
public record GatePolicy(Level failOn, Map<Metric, Long> maxima, Optional<Figures> baseline, Allowance tolerance) {

    public GatePolicy {
        Objects.requireNonNull(failOn, "failOn");
        Objects.requireNonNull(baseline, "baseline");
        Objects.requireNonNull(tolerance, "tolerance");
        if (failOn == Level.OK) {
            throw new IllegalArgumentException("fail-on must be warning or critical");
        }
        maxima = Map.copyOf(maxima);
        maxima.forEach((metric, max) -> {
            if (max < 0) {
                throw new IllegalArgumentException(metric.limitSetting() + " must not be negative, got " + max);
            }
        });
    }

    public static GatePolicy defaults() {
        return new GatePolicy(Level.CRITICAL, Map.of(), Optional.empty(), Allowance.count(0));
    }
}
