package dev.poolscope.feed;

import com.fasterxml.jackson.core.JsonFactory;
import dev.poolscope.analysis.InputDialect;
import dev.poolscope.dialect.Detection;
import dev.poolscope.dialect.Detector;
import dev.poolscope.dialect.Dialect;
import dev.poolscope.dialect.DialectRecognizer;
import dev.poolscope.event.EventNames;
import dev.poolscope.event.FieldMapping;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/** How the feed chooses, per input, the decoder of its dialect (issue #16). */
final class Dialects {
    private Dialects() {}

    static Detector detector(JsonFactory factory, EventNames names, FieldMapping mapping) {
        return new Detector(factory, names, mapping);
    }

    /** The structlog decoder reads the input when it is structlog, by detection or by {@code --dialect}. */
    static boolean structlogPath(Dialect forced, Detection detected) {
        return forced == null ? detected.structlog() : forced == Dialect.STRUCTLOG;
    }

    /** Every library's recogniser, or only the forced one's. */
    static DialectRecognizer recognizer(Dialect forced, EventNames names) {
        if (forced == null || forced == Dialect.STRUCTLOG) {
            return DialectRecognizer.all(names);
        }
        return new DialectRecognizer(EnumSet.of(forced), names);
    }

    /** The dialects an input may be: the one read, else those its layout's language has. */
    private static List<Dialect> candidates(Dialect dialect, String format) {
        if (dialect != null) {
            return List.of(dialect);
        }
        if (format.contains("logback") || format.contains("log4j2")) {
            return List.of(Dialect.HIKARICP);
        }
        if (format.contains("Python")) {
            return List.of(Dialect.SQLALCHEMY, Dialect.PSYCOPG_POOL);
        }
        return List.of(Dialect.values());
    }

    static InputDialect describe(String file, Dialect forced, Detection d) {
        Dialect dialect = forced != null ? forced : d.dialect();
        List<String> enable = new ArrayList<>();
        for (Dialect each : candidates(dialect, d.format())) {
            enable.add(each.looksFor() + ": " + each.howToEnable());
        }
        String evidence = forced != null ? "--dialect " + forced.id() : d.evidence();
        return new InputDialect(file, dialect == null ? null : dialect.id(), forced != null, d.format(), evidence,
                d.loggers(), d.levels(), dialect == null ? "" : dialect.cannotObserve(), enable);
    }
}
