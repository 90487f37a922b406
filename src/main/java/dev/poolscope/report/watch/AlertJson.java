package dev.poolscope.report.watch;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import dev.poolscope.analysis.LeakItem;
import dev.poolscope.analysis.LiveStatus;
import dev.poolscope.gate.Alert;
import dev.poolscope.report.Units;
import dev.poolscope.report.json.JsonReport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an alert command receives: the alert as one JSON document on standard input (schema
 * {@code poolscope-alert/1}, docs/watch.md) and a few environment variables. Log content (request ids,
 * endpoints) travels only inside the JSON, escaped by the generator; the variables hold levels, numbers
 * and the log's path the user gave, so a command that pastes them into a shell line cannot be injected.
 */
public final class AlertJson {
    public static final String SCHEMA = "poolscope-alert/1";
    static final int FIELD_MAX = 200;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    private AlertJson() {}

    public static byte[] json(Alert a, LiveStatus s, String log) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(2048);
        try (JsonGenerator g = FACTORY.createGenerator(bytes)) {
            g.writeStartObject();
            g.writeStringField("schema", SCHEMA);
            g.writeStringField("time", Units.time(a.time()));
            g.writeStringField("log", log);
            g.writeStringField("level", a.level().label());
            g.writeStringField("previous_level", a.previous() == null ? null : a.previous().label());
            g.writeNumberField("changes_held_back", a.suppressedChanges());
            g.writeStringField("summary", WatchMessages.alert(a, s));
            JsonReport.checks(g, s.health().checks());
            figures(g, s);
            g.writeArrayFieldStart("oldest_open");
            for (LeakItem o : s.oldest()) {
                g.writeStartObject();
                g.writeStringField("request_id", cap(o.requestId()));
                g.writeStringField("conn_id", cap(o.connId()));
                g.writeStringField("endpoint", cap(o.endpoint()));
                g.writeStringField("process", cap(o.process()));
                g.writeStringField("acquired_at", Units.time(o.acquiredAt()));
                g.writeNumberField("age_s", Units.seconds(o.ageMicros()));
                g.writeBooleanField("request_ended", o.requestEnded());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);   // a byte array cannot fail to be written
        }
        bytes.write('\n');
        return bytes.toByteArray();
    }

    /** The environment variables, all prefixed {@code POOLSCOPE_}. */
    public static Map<String, String> environment(Alert a, LiveStatus s, String log) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("POOLSCOPE_LEVEL", a.level().label());
        env.put("POOLSCOPE_PREVIOUS_LEVEL", a.previous() == null ? "" : a.previous().label());
        env.put("POOLSCOPE_TIME", Units.time(a.time()));
        env.put("POOLSCOPE_LOG", log);
        env.put("POOLSCOPE_POOL_USED", s.usedNow() < 0 ? "" : Integer.toString(s.usedNow()));
        env.put("POOLSCOPE_OPEN_CHECKOUTS", Long.toString(s.openCheckouts()));
        env.put("POOLSCOPE_LEAK_DELTA", Long.toString(s.leakDelta()));
        env.put("POOLSCOPE_REQUESTS_WITHOUT_CLOSE", Long.toString(s.requestsWithoutClose()));
        env.put("POOLSCOPE_SUMMARY", WatchMessages.alert(a, s));
        return env;
    }

    /** Log text is capped so a hostile line cannot make the alert too big for a pipe. */
    private static String cap(String s) {
        return s == null || s.length() <= FIELD_MAX ? s : s.substring(0, FIELD_MAX) + "…";
    }

    private static void figures(JsonGenerator g, LiveStatus s) throws IOException {
        if (s.usedNow() >= 0) {
            g.writeNumberField("pool_used", s.usedNow());
        } else {
            g.writeNullField("pool_used");   // every process silent past the staleness bound: unknown
        }
        g.writeNumberField("pool_used_peak", s.usedPeak());
        if (s.poolMax() >= 0) {
            g.writeNumberField("pool_max", s.poolMax());
        } else {
            g.writeNullField("pool_max");
        }
        g.writeNumberField("open_checkouts", s.openCheckouts());
        g.writeNumberField("leak_delta", s.leakDelta());
        g.writeNumberField("requests_without_close", s.requestsWithoutClose());
        g.writeNumberField("leak_suspects_open", s.openSuspects());
        g.writeStringField("log_time", Units.time(s.time()));
    }
}
