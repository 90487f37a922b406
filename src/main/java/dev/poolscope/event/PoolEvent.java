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
 * @param name             the event or message text as logged; null when absent, and always unless
 *                         {@link EventDecoder#keepMessages()} was asked (user signatures)
 * @param logger           the logger's name, or null
 * @param sqlstate         the SQLSTATE field, or null
 * @param signal           an error text of the findings' families ({@link ErrorSignals}), or null
 * @param note             what a pool library's own message said (issue #16); null on the structlog path
 */
public record PoolEvent(EventKind kind, long time, String process, String requestId, String connId,
                        int poolUsed, int poolMax, String endpoint, boolean statementTimeout,
                        boolean exhaustionText, String source, long line, String name, String logger,
                        String sqlstate, Signal signal, PoolNote note) {

    public static final long NO_TIME = Long.MIN_VALUE;
    public static final int NO_COUNT = -1;

    /** An event without the texts findings read and without a library note. */
    public PoolEvent(EventKind kind, long time, String process, String requestId, String connId,
                     int poolUsed, int poolMax, String endpoint, boolean statementTimeout,
                     boolean exhaustionText, String source, long line) {
        this(kind, time, process, requestId, connId, poolUsed, poolMax, endpoint, statementTimeout, exhaustionText,
                source, line, null, null, null, null, null);
    }

    /** This event with another kind, connection, request id, usage, maximum and note. */
    public PoolEvent with(EventKind kind, String requestId, String connId, int poolUsed, int poolMax, PoolNote note) {
        return new PoolEvent(kind, time, process, requestId, connId, poolUsed, poolMax, endpoint, statementTimeout,
                exhaustionText, source, line, name, logger, sqlstate, signal, note);
    }

    /** This event with another time and endpoint (request context fills them in). */
    public PoolEvent withTimeAndEndpoint(long time, String endpoint) {
        return new PoolEvent(kind, time, process, requestId, connId, poolUsed, poolMax, endpoint, statementTimeout,
                exhaustionText, source, line, name, logger, sqlstate, signal, note);
    }

    public boolean hasTime() {
        return time != NO_TIME;
    }

    public boolean hasPoolUsed() {
        return poolUsed != NO_COUNT;
    }
}
