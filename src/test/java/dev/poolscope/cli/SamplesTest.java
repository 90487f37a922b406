package dev.poolscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every bundled sample, analysed through the real command line, gives the figures its generator recorded
 * while simulating (samples/*.expected.json): truth written by the simulation, not by reading the log back.
 */
class SamplesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = {"healthy", "leaky-routers", "timeout-storm", "multi-process"})
    void analyzeMatchesTheGeneratorsTruth(String sample) throws IOException {
        JsonNode truth = JSON.readTree(Path.of("samples", sample + ".expected.json").toFile());
        JsonNode report = analyze("samples/" + sample + ".jsonl", "--merge-gap", "0");

        assertThat(report.at("/input/lines").asLong()).isEqualTo(truth.get("lines").asLong());
        assertThat(report.at("/input/malformed_lines").asLong()).isZero();
        assertThat(report.at("/counts/getconn").asLong()).isEqualTo(truth.get("getconn").asLong());
        assertThat(report.at("/counts/putconn").asLong()).isEqualTo(truth.get("putconn").asLong());
        assertThat(report.at("/leak_delta").asLong()).isEqualTo(truth.get("leak_delta").asLong());
        assertThat(report.at("/counts/getconn_failed").asLong()).isEqualTo(truth.get("getconn_failed").asLong());
        assertThat(report.at("/counts/nearly_exhausted").asLong()).isEqualTo(truth.get("nearly_exhausted").asLong());
        assertThat(report.at("/counts/exhaustion_errors").asLong()).isEqualTo(truth.get("exhaustion_errors").asLong());
        assertThat(report.at("/leaks/leaked_checkouts").asLong()).isEqualTo(truth.get("leaked_checkouts").asLong());
        assertThat(report.at("/leaks/requests_without_close").asLong())
                .isEqualTo(truth.get("requests_without_close").asLong());
        assertThat(leakedRequestIds(report)).isEqualTo(texts(truth.get("leaked_request_ids")));
        assertThat(report.at("/statement_timeouts/events").asLong())
                .isEqualTo(truth.get("statement_timeout_events").asLong());
        assertThat(report.at("/statement_timeouts/requests").asLong())
                .isEqualTo(truth.get("statement_timeout_requests").asLong());
        assertThat(report.at("/statement_timeouts/left_connection_open").asLong())
                .isEqualTo(truth.get("timeout_requests_left_connection_open").asLong());
        assertThat(report.at("/pool/peak_used").asLong()).isEqualTo(maxOf(truth.get("pool_used_max")));
        assertThat(report.at("/input/first_timestamp").asText()).isEqualTo(truth.get("first_timestamp").asText());
        assertThat(report.at("/input/last_timestamp").asText()).isEqualTo(truth.get("last_timestamp").asText());
        assertThat(leaksByEndpoint(report)).isEqualTo(truthLeaksByEndpoint(truth));
        assertThat(windows(report)).isEqualTo(truthIntervals(truth));
    }

    static JsonNode analyze(String... args) throws IOException {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> all = new ArrayList<>(List.of("analyze", "--format", "json"));
        all.addAll(List.of(args));
        int code = PoolscopeCommand.commandLine(new PrintWriter(out), new PrintWriter(err))
                .execute(all.toArray(String[]::new));
        assertThat(code).as("exit code; stderr: %s", err).isZero();
        return JSON.readTree(out.toString());
    }

    private static TreeSet<String> leakedRequestIds(JsonNode report) {
        TreeSet<String> ids = new TreeSet<>();
        report.at("/leaks/items").forEach(i -> {
            if (!i.get("request_id").isNull()) {
                ids.add(i.get("request_id").asText());
            }
        });
        return ids;
    }

    private static TreeSet<String> texts(JsonNode array) {
        TreeSet<String> out = new TreeSet<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static long maxOf(JsonNode perPid) {
        long max = 0;
        for (JsonNode v : perPid) {
            max = Math.max(max, v.asLong());
        }
        return max;
    }

    private static Map<String, Long> leaksByEndpoint(JsonNode report) {
        Map<String, Long> out = new TreeMap<>();
        report.at("/leaks/by_endpoint").forEach(e -> out.put(e.get("endpoint").asText(), e.get("leaked_checkouts").asLong()));
        return out;
    }

    private static Map<String, Long> truthLeaksByEndpoint(JsonNode truth) {
        Map<String, Long> out = new TreeMap<>();
        truth.get("leaks_by_endpoint").properties().forEach(e -> out.put(e.getKey(), e.getValue().get("checkouts").asLong()));
        return out;
    }

    /** Windows as "pid start end": with no merge gap they are the raw intervals above the threshold. */
    private static List<String> windows(JsonNode report) {
        List<String> out = new ArrayList<>();
        report.at("/near_exhaustion_windows").forEach(w -> out.add(
                w.get("process").asText() + " " + w.get("start").asText() + " " + w.get("end").asText()));
        out.sort(null);
        return out;
    }

    /** The truth's interval ends where usage dropped; one still open at the end ends at its last time above. */
    private static List<String> truthIntervals(JsonNode truth) {
        List<String> out = new ArrayList<>();
        truth.get("near_exhaustion_intervals").properties().forEach(pid -> pid.getValue().forEach(i -> out.add(
                pid.getKey() + " " + i.get("start").asText() + " "
                        + (i.get("end").isNull() ? i.get("last_above").asText() : i.get("end").asText()))));
        out.sort(null);
        return out;
    }
}
