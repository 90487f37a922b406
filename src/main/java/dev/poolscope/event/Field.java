package dev.poolscope.event;

import java.util.List;

/** The facts poolscope reads from a log line, each with the key names it recognises by default, best first. */
public enum Field {
    EVENT("event", "message", "msg"),
    TIME("timestamp", "@timestamp", "time", "ts", "asctime"),
    REQUEST_ID("request_id", "requestId", "req_id", "correlation_id", "trace_id"),
    CONN_ID("conn_id", "connection_id", "backend_pid", "conn"),
    POOL_USED("pool_used", "used", "in_use"),
    POOL_MAX("pool_max", "maxconn"),
    /** A route template beats a raw path: it is already grouped. */
    ENDPOINT("route", "endpoint", "path", "url"),
    METHOD("method", "http_method", "request_method"),
    PROCESS("pid", "process"),
    /** Host or pod: process ids repeat across machines. */
    HOST("hostname", "host", "pod"),
    SQLSTATE("pgcode", "sqlstate", "sql_state"),
    /** Severity of the line: the error-text search ({@link ErrorSignals}) skips info and debug lines. */
    LEVEL("level", "levelname", "log.level", "severity", "error_severity", "loglevel"),
    /**
     * The logger's name, for user-defined signatures (docs/findings.md). Read only when a signature asks
     * for it ({@link FieldMapping#readingLoggers()}): no key by default, so other logs pay nothing.
     */
    LOGGER;

    /** The keys {@link #LOGGER} is read from when a signature matches loggers. */
    public static final List<String> LOGGER_KEYS = List.of("logger", "logger_name", "log.logger", "loggerName");

    private final List<String> defaults;

    Field(String... defaults) {
        this.defaults = List.of(defaults);
    }

    public List<String> defaults() {
        return defaults;
    }
}
