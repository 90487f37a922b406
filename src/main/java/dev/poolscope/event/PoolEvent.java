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
 * @param note             what a pool library's own message said (issue #16); null on the structlog path
 */
public record PoolEvent(EventKind kind, long time, String process, String requestId, String connId,
                        int poolUsed, int poolMax, String endpoint, boolean statementTimeout,
                        boolean exhaustionText, String source, long line, PoolNote note) {

    public static final long NO_TIME = Long.MIN_VALUE;
    public static final int NO_COUNT = -1;

    /** An event without a library note, as the structlog path decodes it. */
    public PoolEvent(EventKind kind, long time, String process, String requestId, String connId,
                     int poolUsed, int poolMax, String endpoint, boolean statementTimeout,
                     boolean exhaustionText, String source, long line) {
        this(kind, time, process, requestId, connId, poolUsed, poolMax, endpoint, statementTimeout, exhaustionText,
                source, line, null);
    }

    /** This event with another kind, connection, request id, usage, maximum and note. */
    public PoolEvent with(EventKind kind, String requestId, String connId, int poolUsed, int poolMax, PoolNote note) {
        return new PoolEvent(kind, time, process, requestId, connId, poolUsed, poolMax, endpoint, statementTimeout,
                exhaustionText, source, line, note);
    }

    /** This event with another time and endpoint (request context fills them in). */
    public PoolEvent withTimeAndEndpoint(long time, String endpoint) {
        return new PoolEvent(kind, time, process, requestId, connId, poolUsed, poolMax, endpoint, statementTimeout,
                exhaustionText, source, line, note);
    }

    public boolean hasTime() {
        return time != NO_TIME;
    }

    public boolean hasPoolUsed() {
        return poolUsed != NO_COUNT;
    }
}
