package dev.poolscope.report.text;

import dev.poolscope.analysis.Diagnosis;
import dev.poolscope.analysis.InputDialect;
import dev.poolscope.report.Terminal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What {@code analyze} says instead of a verdict when no pool event of any dialect was found (issue #16):
 * the dialects it looked for, what the log looks like, and how to turn the pool's logging on.
 */
public final class NoPoolEvents {
    private NoPoolEvents() {}

    /** Whether the run saw no pool event at all: then no verdict may be given. */
    public static boolean applies(Diagnosis d) {
        var c = d.counts();
        return c.getconn() + c.putconn() + c.getconnFailed() + c.nearlyExhausted() == 0
                && d.library().totalPoolEvents() == 0 && d.server() == null;   // a server log has figures of its own
    }

    /** The explanation, one sentence a line. */
    public static List<String> explain(Diagnosis d) {
        List<String> lines = new ArrayList<>();
        lines.add("looked for: structlog pool events (pool.getconn.success, pool.putconn.success, …), HikariCP"
                + " (com.zaxxer.hikari), SQLAlchemy (sqlalchemy.pool), psycopg_pool (psycopg.pool)");
        Set<String> enable = new LinkedHashSet<>();
        for (InputDialect in : d.input().dialects()) {
            lines.add(Terminal.clean(TextReport.fitPath(in.file(), 40) + ": " + looks(in, d)));
            enable.addAll(in.howToEnable());
        }
        for (String how : enable) {
            lines.add("to see the pool: " + how);
        }
        return lines;
    }

    /** "JSON lines from logback (logstash-logback-encoder); loggers com.acme.…; levels INFO, ERROR; no HikariCP …". */
    private static String looks(InputDialect in, Diagnosis d) {
        StringBuilder s = new StringBuilder(in.format());
        if (!in.loggers().isEmpty()) {
            s.append("; loggers ").append(String.join(", ", in.loggers()));
        }
        if (!in.levels().isEmpty()) {
            s.append("; levels ").append(String.join(", ", in.levels()));
        }
        Map<String, Long> library = d.library().libraryLines().getOrDefault(in.file(), Map.of());
        String format = in.format().toLowerCase(Locale.ROOT);
        if (format.contains("logback") || format.contains("log4j2")) {
            s.append(library.containsKey("hikaricp") ? "; HikariCP lines, but no pool stats or leak warnings"
                    : "; no HikariCP pool logger at DEBUG");
        } else if (format.contains("python")) {
            s.append(library.containsKey("sqlalchemy") || library.containsKey("psycopg-pool")
                    ? "; pool library lines, but no checkout or return"
                    : "; no sqlalchemy.pool logger at DEBUG and no psycopg.pool logger at INFO");
        }
        return s.toString();
    }
}
