package dev.poolscope.event;

/**
 * One decoded log event, reduced to what the analysis reads. Absent values are {@code null},
 * {@link #NO_TIME} or {@link #NO_COUNT}.
 *
 * @param time             microseconds since the epoch, UTC
 * @param process          host and process id, e.g. {@code "web-1/4242"}; pairing never crosses processes
 * @param endpoint         grouped route such as {@code "GET /api/projects/{id}"}
 * @param statementTimeout PostgreSQL cancelled a statement for its timeout (text or SQLSTATE 57014)
 * @param exhaustionText   the event quotes "connection pool exhausted"
 */
public record PoolEvent(EventKind kind, long time, String process, String requestId, String connId,
                        int poolUsed, int poolMax, String endpoint, boolean statementTimeout,
                        boolean exhaustionText, String source, long line) {

    public static final long NO_TIME = Long.MIN_VALUE;
    public static final int NO_COUNT = -1;

    public boolean hasTime() {
        return time != NO_TIME;
    }

    public boolean hasPoolUsed() {
        return poolUsed != NO_COUNT;
    }
}
