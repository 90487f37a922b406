package dev.poolscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.poolscope.testing.Cli;
import dev.poolscope.testing.RealHikariLog;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #16: a real HikariCP 7.1 pool on H2 logs through real logback and logstash-logback-encoder
 * ({@link RealHikariLog}); poolscope's figures must match the rig's own bookkeeping, its {@code Truth}.
 */
@Tag("slow")
class RealHikariAnalysisTest {
    @TempDir
    static Path dir;
    static RealHikariLog.Truth truth;
    static JsonNode report;

    @BeforeAll
    static void run() throws Exception {
        Path log = dir.resolve("hikari.jsonl");
        truth = RealHikariLog.run(log);
        Cli r = Cli.run("analyze", "--format", "json", log.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCode.OK);
        report = new ObjectMapper().readTree(r.out());
    }

    private static <T> List<String> sorted(List<T> items, Function<T, String> f) {
        List<String> out = new ArrayList<>(items.stream().map(f).toList());
        out.sort(null);
        return out;
    }

    private static List<String> reported(String pointer, String field) {
        List<String> out = new ArrayList<>();
        report.at(pointer).forEach(n -> out.add(n.path(field).isNull() ? null : n.path(field).asText()));
        out.sort(null);
        return out;
    }

    @Test
    void leaks() {
        assertThat(report.at("/input/dialects/0/dialect").asText()).isEqualTo("hikaricp");
        assertThat(report.at("/leaks/leaked_checkouts").asInt()).isEqualTo(truth.trueLeaks().size());
        assertThat(report.at("/leaks/suspected").asInt()).isEqualTo(truth.leakWarningsExpected());
        assertThat(report.at("/leaks/returned_late").asInt()).isEqualTo(truth.unleakedExpected());
        assertThat(reported("/leaks/items", "connection"))
                .isEqualTo(sorted(truth.trueLeaks(), RealHikariLog.BorrowTruth::connection));
        assertThat(reported("/leaks/items", "request_id"))
                .isEqualTo(sorted(truth.trueLeaks(), RealHikariLog.BorrowTruth::requestId));
        assertThat(reported("/leaks/items", "thread")).isEqualTo(sorted(truth.trueLeaks(), RealHikariLog.BorrowTruth::thread));
        assertThat(reported("/leaks/items", "origin")).isEqualTo(sorted(truth.trueLeaks(), RealHikariLog.BorrowTruth::origin));
        assertThat(reported("/leaks/returned_late_items", "request_id"))
                .isEqualTo(sorted(truth.returnedLate(), RealHikariLog.BorrowTruth::requestId));
    }

    @Test
    void origins() {
        Map<String, Integer> origins = new HashMap<>();
        report.at("/leaks/by_origin").forEach(o -> origins.put(o.get("origin").asText(), o.get("leaked_checkouts").asInt()));
        assertThat(origins).isEqualTo(truth.trueLeaksByOrigin());
    }

    @Test
    void exhaustionAndPool() {
        assertThat(report.at("/counts/getconn_failed").asInt()).isEqualTo(truth.connectionTimeouts().size());
        assertThat(report.at("/pool/peak_used").asInt()).isEqualTo(truth.maxActiveSeen());
        assertThat(report.at("/pool/peak_waiting").asInt()).isEqualTo(truth.maxWaitingSeen());
        assertThat(report.at("/pool/max").asInt()).isEqualTo(truth.poolConfig().maximumPoolSize());
        assertThat(report.at("/counts/getconn").isNull()).isTrue();
        assertThat(report.at("/health/verdict").asText()).isEqualTo("critical");
    }
}
