package dev.poolscope.sample;

import java.time.Instant;
import java.util.Objects;

/**
 * What to generate. Exactly one of {@code requests} (request-count mode) and {@code targetBytes}
 * (size-targeted mode) is positive. {@code processes} of 0 means the scenario's default.
 */
public record GeneratorConfig(Scenario scenario, long seed, Instant start, int requests,
                              long targetBytes, int processes) {

    /** Where the log's clock starts unless told otherwise. */
    public static final Instant DEFAULT_START = Instant.parse("2026-01-06T10:00:00Z");

    public GeneratorConfig {
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(start, "start");
        if ((requests > 0) == (targetBytes > 0)) {
            throw new IllegalArgumentException("set exactly one of requests and targetBytes");
        }
        if (requests < 0 || targetBytes < 0 || processes < 0 || processes > 16) {
            throw new IllegalArgumentException("requests/targetBytes must be >= 0, processes 0..16");
        }
    }

    /** Request-count mode: simulate (at most) this many HTTP requests, then drain. */
    public static GeneratorConfig ofRequests(Scenario scenario, long seed, int requests) {
        return new GeneratorConfig(scenario, seed, DEFAULT_START, requests, 0, 0);
    }

    /** Size-targeted mode: stop right after the line that brings the output to {@code bytes}. */
    public static GeneratorConfig ofBytes(Scenario scenario, long seed, long bytes) {
        return new GeneratorConfig(scenario, seed, DEFAULT_START, 0, bytes, 0);
    }

    public GeneratorConfig withStart(Instant newStart) {
        return new GeneratorConfig(scenario, seed, newStart, requests, targetBytes, processes);
    }

    public GeneratorConfig withProcesses(int count) {
        return new GeneratorConfig(scenario, seed, start, requests, targetBytes, count);
    }

    boolean sizeMode() {
        return targetBytes > 0;
    }

    int effectiveProcesses() {
        return processes > 0 ? processes : scenario.defaultProcesses();
    }
}
