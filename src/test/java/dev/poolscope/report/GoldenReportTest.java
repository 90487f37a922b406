package dev.poolscope.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.poolscope.analysis.AnalysisOptions;
import dev.poolscope.analysis.Diagnosis;
import dev.poolscope.analysis.EndpointRow;
import dev.poolscope.analysis.HealthCheck;
import dev.poolscope.analysis.Level;
import dev.poolscope.analysis.Window;
import dev.poolscope.event.EventNames;
import dev.poolscope.event.FieldMapping;
import dev.poolscope.feed.Pipeline;
import dev.poolscope.report.json.JsonReport;
import dev.poolscope.report.text.TextReport;
import dev.poolscope.testing.Golden;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The reports of golden/small-incident/app.jsonl, a 22-line log written by hand. Every figure asserted
 * below was worked out from the log by hand (see the comments) before the golden files were written.
 */
class GoldenReportTest {
    private static final String SCENARIO = "small-incident";
    private static Diagnosis d;

    @BeforeAll
    static void analyze() throws Exception {
        try (InputStream log = Files.newInputStream(Golden.ROOT.resolve(SCENARIO).resolve("app.jsonl"))) {
            d = new Pipeline(FieldMapping.defaults(), EventNames.defaults(), AnalysisOptions.defaults(), 1 << 20)
                    .run(List.of("-"), log);
        }
    }

    private static long micros(String iso) {
        Instant i = Instant.parse(iso);
        return i.getEpochSecond() * 1_000_000L + i.getNano() / 1000;
    }

    @Test
    void handCountedFigures() {
        // 22 lines: line 18 is not JSON, line 20 is blank.
        assertThat(d.input().lines()).isEqualTo(22);
        assertThat(d.input().malformedLines()).isEqualTo(1);
        assertThat(d.input().malformedSamples()).singleElement().satisfies(m -> assertThat(m.line()).isEqualTo(18));
        assertThat(d.input().blankLines()).isEqualTo(1);
        assertThat(d.counts().events()).isEqualTo(20);
        // getconn on lines 2, 3, 11, 12, 17, 21; putconn on 5, 10, 16, 19.
        assertThat(d.counts().getconn()).isEqualTo(6);
        assertThat(d.counts().putconn()).isEqualTo(4);
        assertThat(d.leakDelta()).isEqualTo(2);
        assertThat(d.counts().getconnFailed()).isEqualTo(1);      // line 8
        assertThat(d.counts().nearlyExhausted()).isEqualTo(1);    // line 4
        assertThat(d.counts().exhaustionErrors()).isEqualTo(1);   // line 9, the 503
    }

    @Test
    void handCheckedLeaks() {
        var c = d.checkouts();
        // req-b (returned 404 without putconn) and req-d (statement timeout, 504): both requests finished.
        assertThat(c.leakedCheckouts()).isEqualTo(2);
        assertThat(d.requestsWithoutClose()).isEqualTo(2);
        assertThat(c.leaks()).extracting(l -> l.requestId()).containsExactly("req-b", "req-d");
        assertThat(c.leaks()).extracting(l -> l.endpoint())
                .containsExactly("DELETE /api/projects/{id}", "GET /api/coding/stats");
        assertThat(c.leaks().get(0).ageMicros()).isEqualTo(79_000_000L);   // 10:00:01 -> 10:01:20
        assertThat(c.leaks().get(1).ageMicros()).isEqualTo(74_500_000L);   // 10:00:05.5 -> 10:01:20
        assertThat(c.inFlightCount()).isEqualTo(1);                         // req-g, 5 s old
        assertThat(c.orphanPutconn()).isEqualTo(1);                         // line 10, conn 1003
        assertThat(c.longHoldCount()).isEqualTo(1);                         // req-f, 61.5 s
        assertThat(c.longHolds().get(0).heldMicros()).isEqualTo(61_500_000L);
        // Holds: 1 s (req-a), 3 s (job), 61.5 s (req-f); p50 is the 2nd of 3, p95 the 3rd.
        var p = c.holdTimes().percentiles();
        assertThat(p.count()).isEqualTo(3);
        assertThat(p.p50()).isCloseTo(3000.0, withinPercentage(0.1));
        assertThat(p.p95()).isCloseTo(61500.0, withinPercentage(0.1));
        assertThat(p.max()).isCloseTo(61500.0, withinPercentage(0.1));
    }

    @Test
    void handCheckedPoolWindowsTimeoutsAndHealth() {
        assertThat(d.pool().peakUsed()).isEqualTo(80);
        assertThat(d.pool().peakAt()).isEqualTo(micros("2026-01-06T10:00:03Z"));
        assertThat(d.pool().peakProcess()).isEqualTo("101");
        // Above 70 from 01.000 to 01.100 and from 03.000 to 04.000: 1.9 s apart, merged (gap 5 s).
        assertThat(d.pool().windows()).containsExactly(new Window("101", micros("2026-01-06T10:00:01Z"),
                micros("2026-01-06T10:00:04Z"), 80, 1, 1, 2, false));
        assertThat(d.pool().microsAboveCritical()).isEqualTo(1_100_000L);
        // Line 13 is a timeout; line 15 (division by zero, same event name) is not.
        assertThat(d.timeouts().events()).isEqualTo(1);
        assertThat(d.timeouts().requests()).hasSize(1);
        assertThat(d.timeoutRequestsLeftOpen()).isEqualTo(1);
        assertThat(d.health().checks()).extracting(HealthCheck::value).containsExactly(80L, 2L, 2L);
        assertThat(d.health().checks()).extracting(HealthCheck::level)
                .containsExactly(Level.CRITICAL, Level.OK, Level.CRITICAL);
        assertThat(d.health().verdict()).isEqualTo(Level.CRITICAL);
        assertThat(d.endpoints()).extracting(EndpointRow::endpoint).containsExactly("DELETE /api/projects/{id}",
                "GET /api/coding/stats", "(unknown)", "GET /api/auth/me", "GET /api/projects/{id}", "POST /api/projects");
    }

    @Test
    void jsonReportMatchesItsGoldenFile() throws Exception {
        StringWriter out = new StringWriter();
        JsonReport.write(d, out);
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.at("/schema").asText()).isEqualTo("poolscope/1");
        assertThat(json.at("/counts/getconn").asLong()).isEqualTo(6);
        assertThat(json.at("/leak_delta").asLong()).isEqualTo(2);
        assertThat(json.at("/leaks/requests_without_close").asLong()).isEqualTo(2);
        assertThat(json.at("/leaks/items/0/acquired_at").asText()).isEqualTo("2026-01-06T10:00:01.000000Z");
        assertThat(json.at("/leaks/items/0/age_s").decimalValue()).isEqualByComparingTo("79");
        assertThat(json.at("/near_exhaustion_windows/0/duration_s").decimalValue()).isEqualByComparingTo("3");
        assertThat(json.at("/input/first_timestamp").asText()).isEqualTo("2026-01-06T10:00:00.000000Z");
        assertThat(json.at("/input/last_timestamp").asText()).isEqualTo("2026-01-06T10:01:20.000000Z");
        assertThat(json.at("/health/verdict").asText()).isEqualTo("critical");
        Golden.check(SCENARIO, "report.json", out.toString());
    }

    @Test
    void everyKeyIssue2PromisesScriptsIsThere() throws Exception {
        StringWriter out = new StringWriter();
        JsonReport.write(d, out);
        JsonNode json = new ObjectMapper().readTree(out.toString());
        List<String> pointers = List.of("/schema", "/input/files", "/input/lines", "/input/events",
                "/input/malformed_lines", "/input/first_timestamp", "/input/last_timestamp", "/counts/getconn",
                "/counts/putconn", "/counts/getconn_failed", "/counts/nearly_exhausted", "/counts/exhaustion_errors",
                "/leak_delta", "/leaks/leaked_checkouts", "/leaks/requests_without_close", "/leaks/in_flight_at_end",
                "/leaks/orphan_putconn", "/leaks/items/0/request_id", "/leaks/items/0/conn_id",
                "/leaks/items/0/endpoint", "/leaks/items/0/acquired_at", "/leaks/items/0/age_s", "/long_holds",
                "/hold_time_ms/p50", "/hold_time_ms/p95", "/hold_time_ms/p99", "/hold_time_ms/max",
                "/pool/peak_used", "/pool/peak_at", "/pool/max", "/near_exhaustion_windows/0/start",
                "/near_exhaustion_windows/0/end", "/near_exhaustion_windows/0/duration_s",
                "/near_exhaustion_windows/0/peak_used", "/near_exhaustion_windows/0/getconn_failed",
                "/near_exhaustion_windows/0/nearly_exhausted", "/statement_timeouts/events",
                "/statement_timeouts/requests", "/statement_timeouts/left_connection_open",
                "/statement_timeouts/by_endpoint", "/endpoints", "/health/verdict", "/health/checks/0/metric",
                "/health/checks/0/value", "/health/checks/0/level", "/health/checks/0/normal_max",
                "/health/checks/0/critical_above");
        assertThat(pointers).allSatisfy(p -> assertThat(json.at(p).isMissingNode()).as(p).isFalse());
    }

    @Test
    void textReportMatchesItsGoldenFile() throws Exception {
        StringWriter out = new StringWriter();
        new TextReport(new PrintWriter(out), false).write(d);
        String text = out.toString();
        assertThat(text.lines().findFirst()).hasValue("getconn: 6, putconn: 4, LEAK: 2   verdict: CRITICAL");
        assertThat(text.lines()).allSatisfy(line -> assertThat(line.length()).as(line).isLessThanOrEqualTo(80));
        assertThat(text).doesNotContain("\u001b");
        Golden.check(SCENARIO, "report.txt", text);
    }
}
