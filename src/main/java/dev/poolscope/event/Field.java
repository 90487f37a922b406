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
     * The logging library's logger name: logstash-logback-encoder, logback JsonEncoder, log4j2 EcsLayout,
     * structlog, python-json-logger. Read by the library-dialect decoder (see {@link #dialectOnly}); on the
     * structlog path only when a user signature matches loggers ({@link FieldMapping#readingLoggers()}).
     */
    LOGGER(true, "logger_name", "loggerName", "log.logger", "logger", "name"),
    THREAD(true, "thread_name", "threadName", "process.thread.name", "thread"),
    /**
     * A stack trace or Python traceback as one string; logback's JsonEncoder writes a {@code throwable} object
     * instead, which the decoder renders as Java prints it ({@link ThrowableText}).
     */
    STACK(true, true, "stack_trace", "error.stack_trace", "exc_info", "exception", "exc_text", "stack", "throwable"),
    /**
     * logback JsonEncoder: the MDC as a nested object, and the SLF4J 2 key-value pairs as an array of one-member
     * objects. Their members are read as if they were top-level keys (request id, path, …).
     */
    NESTED_KEYS(true, true, "mdc", "kvpList"),
    /** logback JsonEncoder: the values of the message template's {@code {}} placeholders. */
    ARGUMENTS(true, true, "arguments"),
    /** logback JsonEncoder with {@code withFormattedMessage}: the message with its arguments in place. */
    FORMATTED_MESSAGE(true, "formattedMessage"),
    /** logback JsonEncoder: the nanoseconds of the second, finer than its epoch-millisecond {@code timestamp}. */
    NANOS(true, "nanoseconds");

    /** The keys {@link #LOGGER} is read from on the structlog path when a signature matches loggers. */
    public static final List<String> LOGGER_KEYS = List.of("logger", "logger_name", "log.logger", "loggerName");

    private final List<String> defaults;
    private final boolean dialectOnly;
    private final boolean structured;

    Field(String... defaults) {
        this(false, false, defaults);
    }

    Field(boolean dialectOnly, String... defaults) {
        this(dialectOnly, false, defaults);
    }

    Field(boolean dialectOnly, boolean structured, String... defaults) {
        this.defaults = List.of(defaults);
        this.dialectOnly = dialectOnly;
        this.structured = structured;
    }

    /**
     * An object or array under this field's keys is read by the decoder ({@link NestedValues}), not skipped; the
     * byte pre-filter leaves such a line to jackson. Only dialect-only fields are: the structlog path never sees one.
     */
    public boolean structured() {
        return structured;
    }

    /**
     * Read only by the library-dialect decoder: the structlog path never looks these keys up, so it pays
     * nothing for them (docs/performance.md).
     */
    public boolean dialectOnly() {
        return dialectOnly;
    }

    public List<String> defaults() {
        return defaults;
    }
}
