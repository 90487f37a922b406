package dev.poolscope.findings;

import java.util.List;
import java.util.Map;

/**
 * One figure of a finding's evidence.
 *
 * @param key   the JSON key (snake case, stable)
 * @param label what the text report prints before it
 * @param value a {@code Long}, {@code Double} (a share, 0–1), {@code String}, a {@link Time}, a list of
 *              {@link Row}s, or null when the log cannot give it ({@code n/a})
 */
public record Figure(String key, String label, Object value) {

    /** A point in time of the log, microseconds since the epoch (UTC). */
    public record Time(long micros) {}

    /** One row of a per-endpoint (or per-relation) table: ordered name → value, values as above. */
    public record Row(Map<String, Object> cells) {
        public Row {
            cells = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(cells));
        }
    }

    public Figure {
        if (value instanceof List<?> list) {
            value = List.copyOf(list);
        }
    }
}
