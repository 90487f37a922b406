package dev.poolscope.testing;

import java.util.LinkedHashMap;
import java.util.Map;

/** Builds one structlog-style JSON line for tests, in the key order structlog writes. */
public final class LogLine {
    private final Map<String, Object> fields = new LinkedHashMap<>();

    private LogLine(String event) {
        fields.put("event", event);
    }

    public static LogLine of(String event) {
        return new LogLine(event);
    }

    public static LogLine getconn(String request, String conn, String time) {
        return of("pool.getconn.success").with("request_id", request).with("conn_id", conn).with("pid", 1)
                .with("timestamp", time);
    }

    public static LogLine putconn(String request, String conn, String time) {
        return of("pool.putconn.success").with("request_id", request).with("conn_id", conn).with("pid", 1)
                .with("timestamp", time);
    }

    public static LogLine finished(String request, String time) {
        return of("http.request.finished").with("request_id", request).with("pid", 1).with("timestamp", time);
    }

    /** A key and value; null values are left out, numbers are written bare. */
    public LogLine with(String key, Object value) {
        if (value != null) {
            fields.put(key, value);
        }
        return this;
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("{");
        fields.forEach((k, v) -> {
            if (b.length() > 1) {
                b.append(", ");
            }
            b.append('"').append(k).append("\": ");
            b.append(v instanceof Number ? v.toString() : quote(v.toString()));
        });
        return b.append('}').toString();
    }

    /** A JSON string as Python's json.dumps writes it: quotes, backslashes and control characters escaped. */
    public static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20) {
                b.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }

    /** {@code 2026-01-01T00:00:SSZ}, a time {@code seconds} after a fixed start. */
    public static String at(int seconds) {
        return java.time.Instant.parse("2026-01-01T00:00:00Z").plusSeconds(seconds).toString();
    }
}
