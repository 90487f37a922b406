package dev.poolscope.cli;

import dev.poolscope.dialect.Dialect;
import dev.poolscope.event.EventNames;
import dev.poolscope.event.Field;
import dev.poolscope.event.FieldMapping;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Option;

/** How to read a line: which keys hold which field, and which event names mean what (docs/log-format.md). */
public final class DecodeOptions {
    @Option(names = "--field-event", paramLabel = "KEY", description = "key of the event name (default: event, message, msg)")
    String event;
    @Option(names = "--field-time", paramLabel = "KEY", description = "key of the timestamp (default: timestamp, @timestamp, time, ts, asctime)")
    String time;
    @Option(names = "--field-request-id", paramLabel = "KEY", description = "key of the request id (default: request_id, requestId, req_id, correlation_id, trace_id)")
    String requestId;
    @Option(names = "--field-conn-id", paramLabel = "KEY", description = "key of the connection id (default: conn_id, connection_id, backend_pid, conn)")
    String connId;
    @Option(names = "--field-pool-used", paramLabel = "KEY", description = "key of connections in use (default: pool_used, used, in_use)")
    String poolUsed;
    @Option(names = "--field-pool-max", paramLabel = "KEY", description = "key of the pool size (default: pool_max, maxconn)")
    String poolMax;
    @Option(names = "--field-endpoint", paramLabel = "KEY", description = "key of the route or path (default: route, endpoint, path, url)")
    String endpoint;
    @Option(names = "--field-method", paramLabel = "KEY", description = "key of the HTTP method (default: method, http_method, request_method)")
    String method;
    @Option(names = "--field-process", paramLabel = "KEY", description = "key of the process id (default: pid, process)")
    String process;
    @Option(names = "--field-host", paramLabel = "KEY", description = "key of the host or pod (default: hostname, host, pod)")
    String host;
    @Option(names = "--field-sqlstate", paramLabel = "KEY", description = "key of the SQLSTATE code (default: pgcode, sqlstate, sql_state)")
    String sqlstate;
    @Option(names = "--field-level", paramLabel = "KEY",
            description = "key of the line's level (default: level, levelname, log.level, severity, error_severity, loglevel)")
    String level;
    @Option(names = "--field-logger", paramLabel = "KEY",
            description = "key of the logger's name (default: logger_name, loggerName, log.logger, logger, name)")
    String logger;

    @Option(names = "--event-checkout", paramLabel = "NAME", description = "checkout event (default: ${DEFAULT-VALUE})",
            defaultValue = "pool.getconn.success")
    String checkout;
    @Option(names = "--event-checkin", paramLabel = "NAME", description = "checkin event (default: ${DEFAULT-VALUE})",
            defaultValue = "pool.putconn.success")
    String checkin;
    @Option(names = "--event-failed", paramLabel = "NAME", description = "failed checkout event (default: ${DEFAULT-VALUE})",
            defaultValue = "pool.getconn.FAILED")
    String failed;
    @Option(names = "--event-nearly-exhausted", paramLabel = "NAME",
            description = "near-exhaustion warning event (default: ${DEFAULT-VALUE})", defaultValue = "pool.nearly_exhausted")
    String nearlyExhausted;
    @Option(names = "--event-request-end", paramLabel = "NAME",
            description = "event that ends a request; repeatable (default: http.request.finished, http.request.completed, request.finished, request.completed, request_finished, request_completed)")
    List<String> requestEnd;

    @Option(names = "--dialect", paramLabel = "NAME", defaultValue = "auto",
            description = "log dialect: auto (detected per input from its first lines), structlog, hikaricp, sqlalchemy, psycopg-pool (default: ${DEFAULT-VALUE})")
    String dialect;

    /** {@code --dialect}: null for auto. */
    public Dialect dialect() throws UsageException {
        if (dialect == null || dialect.equalsIgnoreCase("auto")) {
            return null;
        }
        try {
            return Dialect.of(dialect);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    public FieldMapping mapping() {
        return FieldMapping.withOverrides(overrides());
    }

    /** The fields given on the command line, each with its one key (the Spark job ships these to executors). */
    public Map<Field, List<String>> overrides() {
        Map<Field, List<String>> overrides = new EnumMap<>(Field.class);
        put(overrides, Field.EVENT, event);
        put(overrides, Field.TIME, time);
        put(overrides, Field.REQUEST_ID, requestId);
        put(overrides, Field.CONN_ID, connId);
        put(overrides, Field.POOL_USED, poolUsed);
        put(overrides, Field.POOL_MAX, poolMax);
        put(overrides, Field.ENDPOINT, endpoint);
        put(overrides, Field.METHOD, method);
        put(overrides, Field.PROCESS, process);
        put(overrides, Field.HOST, host);
        put(overrides, Field.SQLSTATE, sqlstate);
        put(overrides, Field.LEVEL, level);
        put(overrides, Field.LOGGER, logger);
        return overrides;
    }

    public EventNames names() {
        Set<String> ends = requestEnd == null || requestEnd.isEmpty()
                ? EventNames.defaults().requestEnd() : new LinkedHashSet<>(requestEnd);
        return new EventNames(checkout, checkin, failed, nearlyExhausted, ends);
    }

    private static void put(Map<Field, List<String>> overrides, Field field, String key) {
        if (key != null) {
            overrides.put(field, List.of(key));
        }
    }
}
