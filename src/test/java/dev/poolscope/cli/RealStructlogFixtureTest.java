package dev.poolscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.poolscope.testing.Cli;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code analyze --format json} on the real structlog + psycopg2 capture must give exactly the figures of
 * app.truth.json, which was recorded inside the service while it ran (fixtures/real-structlog/README.md).
 */
class RealStructlogFixtureTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static JsonNode truth;
    private static JsonNode report;

    private static Path resource(String name) throws Exception {
        return Path.of(RealStructlogFixtureTest.class.getResource("/fixtures/real-structlog/" + name).toURI());
    }

    private static JsonNode analyze(String... options) throws Exception {
        List<String> args = new ArrayList<>(List.of("analyze", "--format", "json"));
        args.addAll(List.of(options));
        args.add(resource("app.jsonl").toString());
        Cli r = Cli.run(args.toArray(new String[0]));
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCode.OK);
        return JSON.readTree(r.out());
    }

    @BeforeAll
    static void run() throws Exception {
        truth = JSON.readTree(resource("app.truth.json").toFile());
        report = analyze();
    }

    private static long t(String pointer) {
        JsonNode n = truth.at(pointer);
        assertThat(n.isMissingNode()).as("truth has %s", pointer).isFalse();
        return n.asLong();
    }

    private static long r(String pointer) {
        JsonNode n = report.at(pointer);
        assertThat(n.isMissingNode()).as("report has %s", pointer).isFalse();
        return n.asLong();
    }

    @Test
    void countsAndDelta() {
        assertThat(r("/counts/getconn")).isEqualTo(t("/counts/getconn_success"));
        assertThat(r("/counts/putconn")).isEqualTo(t("/counts/putconn_success"));
        assertThat(r("/leak_delta")).isEqualTo(t("/counts/leak_delta"));
        assertThat(r("/counts/getconn_failed")).isEqualTo(t("/counts/getconn_failed"));
        assertThat(r("/counts/nearly_exhausted")).isEqualTo(t("/counts/nearly_exhausted_events"));
        assertThat(r("/input/lines")).isEqualTo(t("/lines/total"));
        assertThat(r("/input/malformed_lines")).isEqualTo(t("/lines/non_json"));
    }

    @Test
    void leaks() {
        assertThat(r("/leaks/leaked_checkouts")).isEqualTo(t("/leaks/leaked_connections"));
        assertThat(r("/leaks/requests_without_close")).isEqualTo(t("/leaks/leaked_requests"));
        assertThat(r("/leaks/items_listed")).as("every leak listed").isEqualTo(r("/leaks/leaked_checkouts"));
        Set<String> expected = new TreeSet<>();
        truth.at("/leaks/leaked_request_ids").forEach(id -> expected.add(id.asText()));
        Set<String> actual = new TreeSet<>();
        report.at("/leaks/items").forEach(item -> actual.add(item.get("request_id").asText()));
        assertThat(actual).isEqualTo(expected);
    }

    @Test
    void leaksByEndpointMatchTheTruthsRoutes() {
        // The service logs raw paths; the truth names routes by template, e.g. {project_id} where we write {id}.
        Map<String, Long> expected = new HashMap<>();
        truth.at("/leaks/by_route").properties().forEach(
                e -> expected.put(e.getKey().replaceAll("\\{[a-z_]+}", "{id}"), e.getValue().asLong()));
        Map<String, Long> actual = new HashMap<>();
        report.at("/leaks/by_endpoint").forEach(
                e -> actual.put(e.get("endpoint").asText(), e.get("leaked_checkouts").asLong()));
        assertThat(actual).isEqualTo(expected);
    }

    @Test
    void statementTimeouts() {
        assertThat(r("/statement_timeouts/events")).isEqualTo(t("/counts/statement_timeout_lines"));
        assertThat(r("/statement_timeouts/requests")).isEqualTo(t("/counts/statement_timeouts"));
        // Every timeout is on GET /api/coding/stats, a route with no leaks in the truth.
        assertThat(truth.at("/leaks/by_route").has("GET /api/coding/stats")).isFalse();
        assertThat(r("/statement_timeouts/left_connection_open")).isZero();
    }

    @Test
    void peakAndTimeRange() {
        long truthPeak = 0;
        for (JsonNode perProcess : truth.at("/pool_used_max")) {
            truthPeak = Math.max(truthPeak, perProcess.asLong());
        }
        assertThat(r("/pool/peak_used")).isEqualTo(truthPeak);
        assertThat(report.at("/input/first_timestamp").asText()).isEqualTo(truth.at("/time_range/first").asText());
        assertThat(report.at("/input/last_timestamp").asText()).isEqualTo(truth.at("/time_range/last").asText());
    }

    @Test
    void windowsWithoutMergingAreTheTruthsIntervals() throws Exception {
        assertWindowsMatch(analyze("--merge-gap", "0").at("/near_exhaustion_windows"),
                truth.at("/near_exhaustion/intervals"));
    }

    @Test
    void windowsMergedAtSixtySecondsAreTheTruthsEpisodes() throws Exception {
        assertThat(truth.at("/near_exhaustion/episode_gap_seconds").asDouble()).isEqualTo(60.0);
        JsonNode windows = analyze("--merge-gap", "60s").at("/near_exhaustion_windows");
        JsonNode episodes = truth.at("/near_exhaustion/episodes");
        assertWindowsMatch(windows, episodes);
        for (int i = 0; i < episodes.size(); i++) {
            assertThat(windows.get(i).get("episodes").asLong()).isEqualTo(episodes.get(i).get("intervals_merged").asLong());
        }
    }

    /** One for one: start; end, or the last time above when the truth says it was still open; peak; failed. */
    private static void assertWindowsMatch(JsonNode windows, JsonNode intervals) {
        assertThat(intervals.size()).isPositive();
        assertThat(windows.size()).isEqualTo(intervals.size());
        for (int i = 0; i < intervals.size(); i++) {
            JsonNode w = windows.get(i);
            JsonNode t = intervals.get(i);
            boolean open = t.get("end").isNull();
            String where = "window " + i + " " + w;
            assertThat(w.get("process").asText()).as(where).isEqualTo(t.get("pid").asText());
            assertThat(w.get("start").asText()).as(where).isEqualTo(t.get("start").asText());
            assertThat(w.get("end").asText()).as(where).isEqualTo(t.get(open ? "last_above" : "end").asText());
            assertThat(w.get("ongoing_at_end").asBoolean()).as(where).isEqualTo(open);
            assertThat(w.get("peak_used").asLong()).as(where).isEqualTo(t.get("max_pool_used").asLong());
            assertThat(w.get("getconn_failed").asLong()).as(where).isEqualTo(t.get("getconn_failed_in_interval").asLong());
        }
    }

    @Test
    void verdictFollowsTheTruthsFiguresAndTheDefaultThresholds() {
        // pool used 80 > 70, delta 80 > 10, 51 requests without close > 0: all critical.
        assertThat(report.at("/health/verdict").asText()).isEqualTo("critical");
        assertThat(report.at("/health/checks").findValuesAsText("level")).containsOnly("critical");
    }
}
