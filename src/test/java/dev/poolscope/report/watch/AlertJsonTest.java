package dev.poolscope.report.watch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.poolscope.analysis.Level;
import dev.poolscope.gate.Alert;
import dev.poolscope.testing.LiveSamples;
import dev.poolscope.testing.MiniJson;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlertJsonTest {
    private static final String HOSTILE = "x\"; rm -rf / #\u001b[2J$(id)`id`";

    @Test
    void carriesTheAlertTheChecksAndTheOldestCheckouts() {
        LiveSamples sample = new LiveSamples("req-1");
        Alert alert = new Alert(Level.OK, Level.CRITICAL, LiveSamples.T0_MICROS + 100 * LiveSamples.S, 0);
        Map<String, String> j = MiniJson.flatten(AlertJson.json(alert, sample.first, "/var/log/app.jsonl"));
        assertThat(j).containsEntry("schema", "poolscope-alert/1")
                .containsEntry("time", "2026-01-01T00:01:40.000000Z")
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
    void logContentTravelsEscapedInTheJsonAndNeverInTheEnvironment() {
        LiveSamples sample = new LiveSamples(HOSTILE);
        Alert alert = new Alert(null, Level.CRITICAL, 0, 0);
        Map<String, String> j = MiniJson.flatten(AlertJson.json(alert, sample.first, "app.jsonl"));
        assertThat(j).containsEntry("oldest_open.0.request_id", HOSTILE).containsEntry("previous_level", null);
        Map<String, String> env = AlertJson.environment(alert, sample.first, "app.jsonl");
        assertThat(env).containsEntry("POOLSCOPE_LEVEL", "critical").containsEntry("POOLSCOPE_PREVIOUS_LEVEL", "")
                .containsEntry("POOLSCOPE_POOL_USED", "75").containsEntry("POOLSCOPE_LOG", "app.jsonl");
        assertThat(env.values()).noneMatch(v -> v.contains("rm -rf") || v.contains("GET /api/x"));
        assertThat(env.keySet()).allMatch(k -> k.startsWith("POOLSCOPE_"));
    }

    @Test
    void capsLogTextSoTheAlertStaysSmall() {
        String huge = "r".repeat(100_000);
        byte[] json = AlertJson.json(new Alert(null, Level.CRITICAL, 0, 0), new LiveSamples(huge).first, "app.jsonl");
        assertThat(json.length).isLessThan(8192);
        assertThat(MiniJson.flatten(json).get("oldest_open.0.request_id")).isEqualTo("r".repeat(200) + "…");
    }
}
