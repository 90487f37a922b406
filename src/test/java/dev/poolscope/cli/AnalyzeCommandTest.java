package dev.poolscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.poolscope.testing.Cli;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code poolscope analyze} end to end, in-process: exit codes, messages, output files, stdin. */
class AnalyzeCommandTest {
    /** Two requests; r2 returns 404 without giving its connection back. One garbage line. */
    static final String LOG = String.join("\n",
            "{\"event\":\"pool.getconn.success\",\"timestamp\":\"2026-01-06T10:00:00Z\",\"pid\":1,\"request_id\":\"r1\",\"conn_id\":7,\"pool_used\":1}",
            "{\"event\":\"pool.getconn.success\",\"timestamp\":\"2026-01-06T10:00:01Z\",\"pid\":1,\"request_id\":\"r2\",\"conn_id\":8,\"pool_used\":2,\"path\":\"/api/projects/9\",\"method\":\"DELETE\"}",
            "{\"event\":\"pool.putconn.success\",\"timestamp\":\"2026-01-06T10:00:02Z\",\"pid\":1,\"request_id\":\"r1\",\"conn_id\":7,\"pool_used\":1}",
            "garbage",
            "{\"event\":\"http.request.finished\",\"timestamp\":\"2026-01-06T10:00:03Z\",\"pid\":1,\"request_id\":\"r2\",\"status\":404}",
            "");

    @TempDir
    Path dir;
    Path log;

    @BeforeEach
    void writeLog() throws Exception {
        log = dir.resolve("app.jsonl");
        Files.writeString(log, LOG);
    }

    private static JsonNode json(String text) throws Exception {
        return new ObjectMapper().readTree(text);
    }

    private static void assertOneCleanLine(Cli r) {
        assertThat(r.err()).startsWith("poolscope: ").doesNotContain("\tat ").doesNotContain("Exception");
    }

    @Test
    void textReportOnStdout() {
        Cli r = Cli.run("analyze", log.toString());
        assertThat(r.code()).isEqualTo(ExitCode.OK);
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).startsWith("getconn: 2, putconn: 1, LEAK: 1   verdict: CRITICAL");
        assertThat(r.out()).contains("Leaks: 1 checkouts never returned, in 1 requests")
                .contains("DELETE /api/projects/{id}").doesNotContain("\u001b[");
    }

    @Test
    void jsonReport() throws Exception {
        Cli r = Cli.run("analyze", "--format", "json", log.toString());
        assertThat(r.code()).isEqualTo(ExitCode.OK);
        JsonNode j = json(r.out());
        assertThat(j.at("/counts/getconn").asLong()).isEqualTo(2);
        assertThat(j.at("/counts/putconn").asLong()).isEqualTo(1);
        assertThat(j.at("/leak_delta").asLong()).isEqualTo(1);
        assertThat(j.at("/leaks/requests_without_close").asLong()).isEqualTo(1);
        assertThat(j.at("/leaks/items/0/request_id").asText()).isEqualTo("r2");
        assertThat(j.at("/input/malformed_lines").asLong()).isEqualTo(1);
        assertThat(j.at("/input/malformed_samples/0/line").asLong()).isEqualTo(4);
        assertThat(j.at("/input/lines").asLong()).isEqualTo(5);
        assertThat(j.at("/health/checks/0/level").asText()).isEqualTo("ok");        // pool used 2
        assertThat(j.at("/health/verdict").asText()).isEqualTo("critical");         // a request without close
        assertThat(Cli.run("analyze", "-f", "JSON", log.toString()).out()).isEqualTo(r.out());
    }

    @Test
    void thresholdOptionsChangeTheVerdict() throws Exception {
        Cli r = Cli.run("analyze", "--format=json", "--requests-critical", "5", "--used-normal", "1", log.toString());
        JsonNode j = json(r.out());
        assertThat(j.at("/health/checks/0/level").asText()).isEqualTo("warning");
        assertThat(j.at("/health/checks/2/level").asText()).isEqualTo("warning");
        assertThat(j.at("/health/verdict").asText()).isEqualTo("warning");
    }

    @Test
    void unknownOptionIsAUsageError() {
        Cli r = Cli.run("analyze", "--frobnicate", log.toString());
        assertThat(r.code()).isEqualTo(ExitCode.USAGE);
        assertOneCleanLine(r);
        assertThat(r.err()).contains("--frobnicate");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void badDurationIsAUsageError() {
        Cli r = Cli.run("analyze", "--grace", "soon", log.toString());
        assertThat(r.code()).isEqualTo(ExitCode.USAGE);
        assertOneCleanLine(r);
        assertThat(r.err()).contains("'soon' is not a duration");
    }

    @Test
    void contradictoryThresholdsAreAUsageError() {
        Cli r = Cli.run("analyze", "--used-normal", "80", "--used-critical", "70", log.toString());
        assertThat(r.code()).isEqualTo(ExitCode.USAGE);
        assertOneCleanLine(r);
    }

    @Test
    void noFileIsAUsageError() {
        assertThat(Cli.run("analyze").code()).isEqualTo(ExitCode.USAGE);
        assertThat(Cli.run().code()).isEqualTo(ExitCode.USAGE);
    }

    @Test
    void missingFileIsAnInputError() {
        Cli r = Cli.run("analyze", dir.resolve("nope.jsonl").toString());
        assertThat(r.code()).isEqualTo(ExitCode.INPUT);
        assertOneCleanLine(r);
        assertThat(r.err()).contains("no such file").contains("nope.jsonl");
        assertThat(r.err().lines()).hasSize(1);
    }

    @Test
    void aDirectoryWithoutLogFilesIsAnInputError() throws Exception {
        // a directory stands for its log files (issue #5); one with none is an input error
        Path empty = Files.createDirectories(dir.resolve("no-logs"));
        Files.writeString(empty.resolve("notes.txt"), "not a log\n");
        Cli r = Cli.run("analyze", empty.toString());
        assertThat(r.code()).isEqualTo(ExitCode.INPUT);
        assertOneCleanLine(r);
        assertThat(r.err()).contains("has no log files");
        assertThat(r.err().lines()).hasSize(1);
    }

    @Test
    void outputFileIsNeverReplacedWithoutForce() throws Exception {
        Path report = dir.resolve("report.json");
        Files.writeString(report, "keep me");
        Cli refused = Cli.run("analyze", "--format", "json", "-o", report.toString(), log.toString());
        assertThat(refused.code()).isEqualTo(ExitCode.USAGE);
        assertOneCleanLine(refused);
        assertThat(refused.err()).contains("--force");
        assertThat(report).hasContent("keep me");

        Cli forced = Cli.run("analyze", "--format", "json", "-o", report.toString(), "--force", log.toString());
        assertThat(forced.code()).isEqualTo(ExitCode.OK);
        assertThat(forced.out()).isEmpty();
        assertThat(json(Files.readString(report)).at("/leak_delta").asLong()).isEqualTo(1);
    }

    @Test
    void outputFileInANewFolder() throws Exception {
        Path report = dir.resolve("reports/today/report.txt");
        Cli r = Cli.run("analyze", "--output", report.toString(), log.toString());
        assertThat(r.code()).isEqualTo(ExitCode.OK);
        assertThat(Files.readString(report)).startsWith("getconn: 2, putconn: 1, LEAK: 1");
    }

    @Test
    void dashReadsStandardInput() throws Exception {
        InputStream saved = System.in;
        try {
            System.setIn(new ByteArrayInputStream(LOG.getBytes(StandardCharsets.UTF_8)));
            Cli r = Cli.run("analyze", "--format", "json", "-");
            assertThat(r.code()).isEqualTo(ExitCode.OK);
            JsonNode j = json(r.out());
            assertThat(j.at("/input/files/0").asText()).isEqualTo("-");
            assertThat(j.at("/leak_delta").asLong()).isEqualTo(1);
        } finally {
            System.setIn(saved);
        }
    }

    @Test
    void severalFilesAreOneStream() throws Exception {
        // no pid or host in these lines: pairing is per file, the rotated segments of one file counting as one
        Path first = dir.resolve("a.jsonl.1");
        Path second = dir.resolve("a.jsonl");
        Files.writeString(first, "{\"event\":\"pool.getconn.success\",\"timestamp\":\"2026-01-06T10:00:00Z\",\"conn_id\":1}\n");
        Files.writeString(second, "{\"event\":\"pool.putconn.success\",\"timestamp\":\"2026-01-06T10:00:01Z\",\"conn_id\":1}\n");
        JsonNode j = json(Cli.run("analyze", "--format", "json", first.toString(), second.toString()).out());
        assertThat(j.at("/leaks/leaked_checkouts").asLong()).isZero();
        assertThat(j.at("/leaks/orphan_putconn").asLong()).isZero();
        assertThat(j.at("/hold_time_ms/max").decimalValue()).isEqualByComparingTo("1000");
    }

    @Test
    void absentValuesAreNullInJson() throws Exception {
        Path failedOnly = dir.resolve("failed.jsonl");
        Files.writeString(failedOnly, "{\"event\":\"pool.getconn.FAILED\",\"timestamp\":\"2026-01-06T10:00:00Z\"}\n");
        JsonNode j = json(Cli.run("analyze", "--format", "json", failedOnly.toString()).out());
        assertThat(j.at("/near_exhaustion_windows/0/getconn_failed").asLong()).isEqualTo(1);
        assertThat(j.at("/near_exhaustion_windows/0/peak_used").isNull()).isTrue();
        assertThat(j.at("/hold_time_ms/count").asLong()).isZero();
        assertThat(j.at("/hold_time_ms/p95").isNull()).isTrue();
        assertThat(j.at("/pool/peak_used").asLong()).isZero();
        assertThat(j.at("/pool/peak_at").isNull()).isTrue();
        assertThat(j.at("/pool/max").isNull()).isTrue();

        Path untimed = dir.resolve("untimed.jsonl");
        Files.writeString(untimed, "{\"event\":\"pool.getconn.success\",\"request_id\":\"r1\"}\n"
                + "{\"event\":\"http.request.finished\",\"request_id\":\"r1\",\"timestamp\":\"2026-01-06T10:00:00Z\"}\n");
        Cli r = Cli.run("analyze", "--format", "json", untimed.toString());
        j = json(r.out());
        assertThat(j.at("/leaks/items/0/acquired_at").isNull()).isTrue();
        assertThat(j.at("/leaks/items/0/age_s").isNull()).isTrue();
        assertThat(Cli.run("analyze", untimed.toString()).out()).contains("  -                    -      1  -");
    }

    @Test
    void helpListsTheExitCodes() {
        Cli r = Cli.run("analyze", "--help");
        assertThat(r.code()).isEqualTo(ExitCode.OK);
        assertThat(r.out()).contains("Exit codes:").contains("--merge-gap").contains("--field-request-id");
    }
}
