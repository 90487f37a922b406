package dev.poolscope.server;

/**
 * One event of PostgreSQL's own log, whatever the format it came in (jsonlog, csvlog, stderr): the fields
 * the server analysis reads. Absent values are {@code null}, {@link #NO_TIME} or {@link #NO_PID}.
 *
 * @param time        microseconds since the epoch, UTC
 * @param sqlState    SQLSTATE when the format carries it (csvlog, jsonlog, {@code %e}, verbose stderr)
 * @param statement   the statement the server logged with an error ({@code log_min_error_statement})
 * @param application the line's own {@code application_name} field; empty before the GUC is set, so the
 *                    analysis also takes it from the session's {@code connection authorized} text
 * @param host        client host ({@code remote_host}, {@code connection_from}, {@code %h}/{@code %r})
 */
public record ServerRecord(long time, int pid, String sessionId, String severity, String sqlState, String message,
                           String statement, String user, String database, String application, String host,
                           String backendType, String source, long line) {

    public static final long NO_TIME = Long.MIN_VALUE;
    public static final int NO_PID = -1;

    public boolean hasTime() {
        return time != NO_TIME;
    }

    /** {@code [unknown]} (what {@code %u}, {@code %d}, {@code %a} print before authentication) and "" as null. */
    static String known(String value) {
        return value == null || value.isEmpty() || "[unknown]".equals(value) ? null : value;
    }
}
