package dev.poolscope.analysis;

import dev.poolscope.event.PoolEvent;
import dev.poolscope.event.Signal;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Collects the error texts the decoder flagged ({@link Signal}): which relations were missing and which
 * dead-connection errors were seen, with when and where. A text that only looked like one (say
 * {@code column "x" does not exist}) is dropped here, where the whole value can be read.
 */
public final class SignalCollector implements Analyzer<SignalResult> {
    /** The key of a missing table whose name the line did not give. */
    public static final String UNNAMED = "(name not logged)";
    /** How drivers and servers name a missing table, the name in group 1. */
    private static final List<Pattern> RELATION = List.of(
            Pattern.compile("relation \"([^\"]{1,200})\" does not exist"),   // PostgreSQL, any client
            Pattern.compile("no such table: ([\\w.$]{1,200})"),                  // SQLite
            Pattern.compile("Table '([^']{1,200})' doesn't exist"));             // MySQL, MariaDB
    private static final Pattern CLASS_NAME = Pattern.compile("UndefinedTable|undefined table");

    private final SignalFamily.Builder schema;
    private final SignalFamily.Builder stale;

    public SignalCollector(AnalysisOptions options) {
        this.schema = new SignalFamily.Builder(options.maxItems());
        this.stale = new SignalFamily.Builder(options.maxItems());
    }

    @Override
    public void accept(PoolEvent e) {
        Signal s = e.signal();
        if (s == null) {
            return;
        }
        if (s.kind() == Signal.Kind.STALE_CONNECTION) {
            stale.add(e, s.needle());
            return;
        }
        String relation = relation(s.text());
        if (relation != null) {
            schema.add(e, relation);
        } else if (s.text() == null || CLASS_NAME.matcher(s.text()).find()) {
            schema.add(e, UNNAMED);   // SQLSTATE 42P01 or the error class, without the message
        }
    }

    /** The missing table a text names, or null. */
    static String relation(String text) {
        if (text == null) {
            return null;
        }
        for (Pattern p : RELATION) {
            Matcher m = p.matcher(text);
            if (m.find()) {
                return m.group(1);
            }
        }
        return null;
    }

    @Override
    public SignalResult finish() {
        return new SignalResult(schema.finish(), stale.finish());
    }
}
