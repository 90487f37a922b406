package dev.poolscope.dialect;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.poolscope.event.EventNames;
import dev.poolscope.event.Field;
import dev.poolscope.event.FieldMapping;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Tells an input's dialect from its first lines: the loggers that wrote them and the shapes of their
 * messages, and names the JSON layout from its keys. Not thread-safe: one per input.
 */
public final class Detector {
    /** Lines looked at; the feed buffers at most this many (and {@link #MAX_BYTES}) before deciding. */
    public static final int MAX_LINES = 500;
    public static final int MAX_BYTES = 1 << 20;
    private static final List<String> MESSAGE_KEYS = List.of("message", "msg", "event", "formattedMessage");
    /** Compiled once: String.matches compiles its regex on every call, and this runs for every line looked at. */
    private static final java.util.regex.Pattern HIKARI_STATS =
            java.util.regex.Pattern.compile("\\S+ - (Pool|Before cleanup|After\\s+cleanup|After adding)\\s+stats \\(.*");

    private final JsonFactory factory;
    private final EventNames names;
    /** The logger and level keys, as the decoder reads them: {@code --field-logger} and {@code --field-level} apply. */
    private final List<String> loggerKeys;
    private final List<String> levelKeys;
    private final Map<Dialect, Integer> votes = new EnumMap<>(Dialect.class);
    private final Map<Dialect, String> why = new EnumMap<>(Dialect.class);
    private final Map<String, Integer> loggers = new HashMap<>();
    private final Map<String, Integer> levels = new HashMap<>();
    private final Set<String> keys = new HashSet<>();
    private int json;
    private int lines;
    private int eventKeys;
    private int spacedEvents;

    public Detector(JsonFactory factory, EventNames names) {
        this(factory, names, FieldMapping.defaults());
    }

    public Detector(JsonFactory factory, EventNames names, FieldMapping mapping) {
        this.factory = factory;
        this.names = names;
        FieldMapping library = mapping.withDialectFields();
        this.loggerKeys = library.keys(Field.LOGGER);
        this.levelKeys = library.keys(Field.LEVEL);
    }

    /** Looks at one line. */
    public void line(byte[] buf, int off, int len) {
        lines++;
        Map<String, String> values = new HashMap<>();
        try (JsonParser p = factory.createParser(buf, off, len)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return;
            }
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                keys.add(key);
                JsonToken v = p.nextToken();
                if (v == JsonToken.VALUE_STRING) {
                    values.put(key, p.getText());
                } else {
                    p.skipChildren();
                }
            }
            if (t != JsonToken.END_OBJECT) {
                return;
            }
        } catch (IOException e) {
            return;
        }
        json++;
        look(values);
    }

    private void look(Map<String, String> values) {
        String logger = first(values, loggerKeys);
        String level = first(values, levelKeys);
        String event = values.get("event");
        String message = first(values, MESSAGE_KEYS);
        if (logger != null) {
            loggers.merge(logger, 1, Integer::sum);
        }
        if (level != null && level.length() <= 12) {
            levels.merge(level, 1, Integer::sum);
        }
        if (event != null) {
            eventKeys++;
            spacedEvents += event.indexOf(' ') >= 0 ? 1 : 0;
            if (isStructlogPoolEvent(event)) {
                vote(Dialect.STRUCTLOG, "event " + event);
            }
        }
        if (logger != null) {
            if (logger.startsWith(HikariMessages.LOGGER)) {
                vote(Dialect.HIKARICP, "logger " + logger);
            } else if (logger.startsWith(SqlAlchemyMessages.LOGGER)) {
                vote(Dialect.SQLALCHEMY, "logger " + logger);
            } else if (logger.startsWith("psycopg.pool") || logger.startsWith("psycopg_pool")) {
                vote(Dialect.PSYCOPG_POOL, "logger " + logger);
            }
        }
        if (message != null) {
            byMessage(message);
        }
    }

    private void byMessage(String m) {
        if (m.contains(HikariMessages.TIMEOUT) || m.startsWith("Connection leak detection triggered for ")
                || m.contains("stats (") && HIKARI_STATS.matcher(m).matches()) {
            vote(Dialect.HIKARICP, "message \"" + shorten(m) + "\"");
        } else if (m.contains(SqlAlchemyMessages.LIMIT)
                || m.startsWith("Connection ") && (m.endsWith(" checked out from pool") || m.endsWith(" being returned to pool"))) {
            vote(Dialect.SQLALCHEMY, "message \"" + shorten(m) + "\"");
        } else if (m.contains(PsycopgPoolMessages.TIMEOUT) || m.startsWith("connection given by '")
                || m.startsWith("returning connection to '")) {
            vote(Dialect.PSYCOPG_POOL, "message \"" + shorten(m) + "\"");
        }
    }

    private boolean isStructlogPoolEvent(String event) {
        return event.equals(names.checkout()) || event.equals(names.checkin()) || event.equals(names.checkoutFailed())
                || event.equals(names.nearlyExhausted());
    }

    private void vote(Dialect d, String reason) {
        votes.merge(d, 1, Integer::sum);
        why.putIfAbsent(d, reason);
    }

    /**
     * The decision: structlog when its pool events appear (or the lines look like structlog and no library
     * does); else the library seen most; else none, which reads the input with every library's recogniser.
     */
    public Detection finish() {
        String format = format();
        Dialect best = null;
        if (votes.containsKey(Dialect.STRUCTLOG)) {
            best = Dialect.STRUCTLOG;
        } else {
            for (Map.Entry<Dialect, Integer> v : votes.entrySet()) {
                if (best == null || v.getValue() > votes.get(best)) {
                    best = v.getKey();
                }
            }
        }
        String evidence = best == null ? "no pool line among the first " + lines + " lines" : why.get(best);
        if (best == null && looksStructlog()) {
            best = Dialect.STRUCTLOG;
            evidence = "structlog-style event names, no pool library's logger";
        }
        return new Detection(best, format, evidence, top(loggers, 4), top(levels, 6), false);
    }

    /** structlog writes short event names (no spaces) under "event", and no logging library's logger key. */
    private boolean looksStructlog() {
        boolean loggerKey = keys.contains("logger_name") || keys.contains("loggerName") || keys.contains("log.logger")
                || keys.contains("name");
        return eventKeys > 0 && spacedEvents * 2 < eventKeys && !loggerKey;
    }

    private String format() {
        if (json == 0) {
            return lines == 0 ? "empty" : "not JSON";
        }
        if (keys.contains("logger_name") && (keys.contains("@version") || keys.contains("thread_name"))) {
            return "JSON lines from logback (logstash-logback-encoder)";
        }
        if (keys.contains("loggerName") && (keys.contains("mdc") || keys.contains("sequenceNumber"))) {
            return "JSON lines from logback (JsonEncoder)";
        }
        if (keys.contains("log.logger")) {
            return "JSON lines from log4j2 (JsonTemplateLayout, ECS)";
        }
        if (keys.contains("levelname") && keys.contains("name")) {
            return "JSON lines from Python logging (python-json-logger)";
        }
        if (keys.contains("event")) {
            return "JSON lines with structlog-style \"event\" keys";
        }
        return "JSON lines";
    }

    private static String first(Map<String, String> values, List<String> keys) {
        for (String k : keys) {
            String v = values.get(k);
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    private static String shorten(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }

    private static List<String> top(Map<String, Integer> counts, int n) {
        List<Map.Entry<String, Integer>> all = new ArrayList<>(counts.entrySet());
        all.sort(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        List<String> out = new ArrayList<>();
        for (int i = 0; i < Math.min(n, all.size()); i++) {
            out.add(all.get(i).getKey());
        }
        return out;
    }
}
