package dev.poolscope.analysis;

/** One row of the health table. */
public record HealthCheck(String metric, long value, Level level, Threshold threshold) {}
