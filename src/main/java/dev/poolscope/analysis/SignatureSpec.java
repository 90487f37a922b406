package dev.poolscope.analysis;

import dev.poolscope.event.PoolEvent;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a user-defined signature matches (docs/findings.md): an event name, a message regex, a logger
 * (and its children) or a SQLSTATE. Matches are counted per endpoint and per {@code window}.
 */
public record SignatureSpec(String id, Match match, String value, Duration window) {

    /** The part of a line a signature looks at. */
    public enum Match {
        /** The event name, exactly. */
        EVENT,
        /** A regular expression found anywhere in the event or message text. */
        MESSAGE,
        /** The logger, or a child of it ({@code app.db} matches {@code app.db.pool}). */
        LOGGER,
        /** The SQLSTATE field, exactly. */
        SQLSTATE
    }

    public SignatureSpec {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(match, "match");
        Objects.requireNonNull(value, "value");
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("signature " + id + ": window must be positive");
        }
        if (match == Match.MESSAGE) {
            Pattern.compile(value);   // a bad regex is the user's error, reported when the rule is read
        }
    }

    /** A matcher for the streaming pass: the regex compiled once. */
    java.util.function.Predicate<PoolEvent> matcher() {
        return switch (match) {
            case EVENT -> e -> value.equals(e.name());
            case MESSAGE -> {
                Pattern p = Pattern.compile(value);
                yield e -> e.name() != null && p.matcher(e.name()).find();
            }
            case LOGGER -> e -> e.logger() != null && (e.logger().equals(value)
                    || e.logger().startsWith(value) && e.logger().startsWith(".", value.length()));
            case SQLSTATE -> e -> value.equals(e.sqlstate());
        };
    }
}
