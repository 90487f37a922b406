package dev.poolscope.server;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/** The three destinations PostgreSQL writes its log to, told apart by a line's shape. */
public enum ServerFormat {
    JSONLOG("jsonlog"),
    CSVLOG("csvlog"),
    STDERR("stderr");

    /** log_time, user, database, pid: how every csvlog record starts (user and database may be empty). */
    private static final Pattern CSV_START = Pattern.compile(
            "^\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}\\.\\d{3} [^,\"]+,(\"(?:[^\"]|\"\")*\")?,(\"(?:[^\"]|\"\")*\")?,\\d+,");
    /** Enough of a line to decide; a jsonlog line's keys come early, a csv or stderr line's start is short. */
    private static final int LOOK_BYTES = 4096;

    private final String label;

    ServerFormat(String label) {
        this.label = label;
    }

    /** As in {@code log_destination}. */
    public String label() {
        return label;
    }

    /**
     * The server format of a log whose first event line is this one, or null for anything else (an
     * application's log). jsonlog by its keys ({@code error_severity} with {@code backend_type} or
     * {@code session_id}, which no application logger writes together); csvlog by its first columns; stderr
     * by a known (or the given) {@code log_line_prefix} followed by a severity.
     */
    public static ServerFormat detect(byte[] buf, int off, int len, List<LogLinePrefix> prefixes) {
        String line = new String(buf, off, Math.min(len, LOOK_BYTES), StandardCharsets.UTF_8);
        String start = line.stripLeading();
        if (start.startsWith("{")) {
            return start.contains("\"error_severity\":")
                    && (start.contains("\"backend_type\":") || start.contains("\"session_id\":")) ? JSONLOG : null;
        }
        if (CSV_START.matcher(line).find()) {
            return CSVLOG;
        }
        String full = len <= LOOK_BYTES ? line : new String(buf, off, len, StandardCharsets.UTF_8);
        for (LogLinePrefix p : prefixes) {
            if (p.match(full) != null) {
                return STDERR;
            }
        }
        return null;
    }

    /** A reader of this format for one input. */
    public ServerLogReader reader(String source, Consumer<ServerRecord> sink, List<LogLinePrefix> prefixes) {
        return switch (this) {
            case JSONLOG -> new JsonlogReader(source, sink);
            case CSVLOG -> new CsvlogReader(source, sink);
            case STDERR -> new StderrReader(source, sink, prefixes);
        };
    }
}
