package dev.poolscope.report.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.poolscope.gate.Figures;
import dev.poolscope.gate.GateResult;
import dev.poolscope.report.Terminal;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads the figures {@code check --baseline} compares against from an {@code analyze --format json}
 * report (schema {@link JsonReport#SCHEMA}), streaming: only the five figures are kept, every other
 * subtree is skipped, so a report listing thousands of leaks costs no more than a small one.
 */
public final class BaselineReader {
    private static final JsonFactory FACTORY = new JsonFactory();
    /** Where each figure lives in the report: parent object ("" for the top level) and field. */
    private static final String[][] PATHS = {
        {"pool", "peak_used"}, {"", "leak_delta"}, {"leaks", "requests_without_close"},
        {"statement_timeouts", "events"}, {"counts", "getconn_failed"},
        {"server", "idle_in_transaction_kills"}, {"server", "too_many_clients"},
    };
    /** The first figures every report has; the server's only reports with a server log. */
    private static final int REQUIRED = 5;

    private BaselineReader() {}

    /** Thrown when the bytes are not a poolscope report; the message says what was wrong. */
    public static final class NotAReportException extends Exception {
        private static final long serialVersionUID = 1L;

        NotAReportException(String message) {
            super(message, null, false, false);
        }
    }

    public static Figures read(InputStream in) throws IOException, NotAReportException {
        Map<String, Long> found = new HashMap<>();
        String schema = null;
        try (JsonParser p = FACTORY.createParser(in)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new NotAReportException("not a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if ("schema".equals(name) && value == JsonToken.VALUE_STRING) {
                    schema = p.getText();
                } else if (value == JsonToken.START_OBJECT) {
                    readSection(p, name, found);
                } else {
                    take(p, "", name, found);
                    p.skipChildren();
                }
            }
        } catch (JsonProcessingException e) {
            throw new NotAReportException("not valid JSON: " + e.getOriginalMessage());
        }
        if (!JsonReport.SCHEMA.equals(schema)) {
            throw new NotAReportException(schema == null ? "no \"schema\" field; expected " + JsonReport.SCHEMA
                    : "schema is \"" + Terminal.clean(schema) + "\", expected " + JsonReport.SCHEMA);
        }
        return figures(found);
    }

    private static void readSection(JsonParser p, String section, Map<String, Long> found) throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            take(p, section, name, found);
            p.skipChildren();
        }
    }

    private static void take(JsonParser p, String section, String name, Map<String, Long> found) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NULL) {
            for (String[] path : PATHS) {
                if (path[0].equals(section) && path[1].equals(name)) {
                    // null: the log could not give it (e.g. leak_delta of a HikariCP log); no comparison then
                    found.put(key(path), t == JsonToken.VALUE_NULL ? GateResult.NOT_AVAILABLE : p.getLongValue());
                }
            }
        }
    }

    private static Figures figures(Map<String, Long> found) throws NotAReportException {
        long[] v = new long[PATHS.length];
        for (int i = 0; i < PATHS.length; i++) {
            Long value = found.get(key(PATHS[i]));
            if (value == null && i < REQUIRED) {
                throw new NotAReportException("no whole number (or null) at " + key(PATHS[i]));
            }
            v[i] = value == null ? GateResult.NOT_AVAILABLE : value;
        }
        return new Figures(v[0], v[1], v[2], v[3], v[4], v[5], v[6]);
    }

    private static String key(String[] path) {
        return path[0].isEmpty() ? path[1] : path[0] + "." + path[1];
    }
}
