package dev.poolscope.analysis;

import java.util.List;

/**
 * How one input was read (issue #16): the dialect detected from its first lines or forced with
 * {@code --dialect}, and what the log looked like.
 *
 * @param dialect       structlog, hikaricp, sqlalchemy, psycopg-pool, or null when no pool line was seen
 * @param format        the JSON layout, e.g. "JSON lines from logback (logstash-logback-encoder)"
 * @param evidence      the logger or message that decided
 * @param loggers       the most frequent logger names among the first lines
 * @param levels        the levels seen among the first lines, most frequent first
 * @param cannotObserve what the dialect cannot tell (empty for structlog)
 * @param howToEnable   how to turn the pool's logging on, per library looked for
 */
public record InputDialect(String file, String dialect, boolean forced, String format, String evidence,
                           List<String> loggers, List<String> levels, String cannotObserve, List<String> howToEnable) {

    public InputDialect {
        loggers = List.copyOf(loggers);
        levels = List.copyOf(levels);
        howToEnable = List.copyOf(howToEnable);
    }
}
