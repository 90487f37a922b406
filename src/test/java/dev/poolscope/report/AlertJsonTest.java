package dev.poolscope.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.poolscope.analysis.Alert;
import dev.poolscope.analysis.Level;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlertJsonTest {
    private static final String HOSTILE = "x\"; rm -rf / #\u001b[2J$(id)`id`";

    /** Every scalar in the document by its dotted path, e.g. {@code oldest_open.0.request_id}. */
    static Map<String, String> flatten(byte[] json) throws IOException {
        Map<String, String> out = new HashMap<>();
        try (JsonParser p = new JsonFactory().createParser(json)) {
            walk(p, p.nextToken(), "", out);
            assertThat(p.nextToken()).isNull();
        }
        return out;
    }

    private static void walk(JsonParser p, JsonToken t, String path, Map<String, String> out) throws IOException {
        if (t == JsonToken.START_OBJECT) {
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                walk(p, p.nextToken(), path.isEmpty() ? name : path + "." + name, out);
            }
        } else if (t == JsonToken.START_ARRAY) {
            int i = 0;
            for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
                walk(p, e, path + "." + i++, out);
            }
        } else {
            out.put(path, t == JsonToken.VALUE_NULL ? null : p.getText());
        }
    }

    @Test
    void carriesTheAlertTheChecksAndTheOldestCheckouts() throws IOException {
        LiveSamples sample = new LiveSamples("req-1");
        Alert alert = new Alert(Level.OK, Level.CRITICAL, LiveSamples.T0_MICROS + 100 * LiveSamples.S, 0);
        Map<String, String> j = flatten(AlertJson.json(alert, sample.first, "/var/log/app.jsonl"));
        assertThat(j).containsEntry("schema", "poolscope-alert/1")
                .containsEntry("time", "2026-01-01T00:01:40Z")
                .containsEntry("log", "/var/log/app.jsonl")
                .containsEntry("level", "critical")
                .containsEntry("previous_level", "ok")
                .containsEntry("checks.0.metric", "pool_used")
                .containsEntry("checks.0.value", "75")
                .containsEntry("checks.0.level", "critical")
                .containsEntry("pool_used", "75")
                .containsEntry("open_checkouts", "1")
                .containsEntry("requests_without_close", "1")
                .containsEntry("oldest_open.0.request_id", "req-1")
                .containsEntry("oldest_open.0.endpoint", "GET /api/x")
                .containsEntry("oldest_open.0.age_s", "95.000000")
                .containsEntry("oldest_open.0.request_ended", "true");
        assertThat(j.get("summary")).startsWith("ALERT critical (was ok): pool used 75 > 70 critical");
    }

    @Test
    void logContentTravelsEscapedInTheJsonAndNeverInTheEnvironment() throws IOException {
        LiveSamples sample = new LiveSamples(HOSTILE);
        Alert alert = new Alert(null, Level.CRITICAL, 0, 0);
        Map<String, String> j = flatten(AlertJson.json(alert, sample.first, "app.jsonl"));
        assertThat(j).containsEntry("oldest_open.0.request_id", HOSTILE).containsEntry("previous_level", null);
        Map<String, String> env = AlertJson.environment(alert, sample.first, "app.jsonl");
        assertThat(env).containsEntry("POOLSCOPE_LEVEL", "critical").containsEntry("POOLSCOPE_PREVIOUS_LEVEL", "")
                .containsEntry("POOLSCOPE_POOL_USED", "75").containsEntry("POOLSCOPE_LOG", "app.jsonl");
        assertThat(env.values()).noneMatch(v -> v.contains("rm -rf") || v.contains("GET /api/x"));
        assertThat(env.keySet()).allMatch(k -> k.startsWith("POOLSCOPE_"));
    }
}
