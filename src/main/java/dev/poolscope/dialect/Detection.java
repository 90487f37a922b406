package dev.poolscope.dialect;

import java.util.List;

/**
 * What the first lines of one input look like.
 *
 * @param dialect  the dialect read (structlog, or a library), or null when no pool line was seen: the input is
 *                 then read with every library's recogniser
 * @param format   the JSON layout, e.g. "logstash-logback-encoder", "python-json-logger", or "not JSON"
 * @param evidence why: the logger or message that decided, or "guessed from the layout"
 * @param loggers  the most frequent logger names seen (at most a few)
 * @param levels   the levels seen, most frequent first
 * @param forced   set by {@code --dialect}, not detected
 */
public record Detection(Dialect dialect, String format, String evidence, List<String> loggers, List<String> levels,
                        boolean forced) {

    public Detection {
        loggers = List.copyOf(loggers);
        levels = List.copyOf(levels);
    }

    /** Whether the structlog decoder reads this input (the fast path). */
    public boolean structlog() {
        return dialect == Dialect.STRUCTLOG;
    }

    /** One line for reports: "hikaricp (logger com.zaxxer.hikari.pool.HikariPool), logstash-logback-encoder". */
    public String describe() {
        return (dialect == null ? "no pool dialect" : dialect.id()) + " (" + evidence + "), " + format;
    }
}
