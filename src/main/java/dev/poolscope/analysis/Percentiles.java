package dev.poolscope.analysis;

/** Hold-time summary in milliseconds; {@code count} 0 means no returned checkout was seen. */
public record Percentiles(long count, double p50, double p95, double p99, double max) {

    public static Percentiles none() {
        return new Percentiles(0, 0, 0, 0, 0);
    }
}
