package dev.poolscope.event;

/**
 * An error text of a line that means something for the pool's health, found by {@link ErrorSignals}.
 *
 * @param kind   what the text says
 * @param needle the known text that matched, e.g. {@code "defunct connection"}
 * @param text   the string value that held it, decoded, at most {@link ErrorSignals#TEXT_MAX} characters
 */
public record Signal(Kind kind, String needle, String text) {

    /** The two families the built-in findings read (docs/findings.md). */
    public enum Kind {
        /** A table the code expects is missing: {@code relation "…" does not exist}, SQLSTATE 42P01. */
        SCHEMA_MISSING,
        /** A connection cut while idle (load balancer, firewall, server restart) and found dead on use. */
        STALE_CONNECTION
    }
}
