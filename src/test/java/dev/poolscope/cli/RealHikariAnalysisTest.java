package dev.poolscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.poolscope.testing.Cli;
import dev.poolscope.testing.RealHikariLog;
import dev.poolscope.testing.RealHikariLog.BorrowTruth;
import dev.poolscope.testing.RealHikariLog.Layout;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue #16: a real HikariCP 7.1 pool on H2 logs through real logback, once with logstash-logback-encoder and
 * once with logback's own JsonEncoder ({@link RealHikariLog}); poolscope's figures must match the rig's own
 * bookkeeping, its {@code Truth}, in both layouts.
 */
@Tag("slow")
class RealHikariAnalysisTest {
    @TempDir
    static Path dir;
    /** One rig run and one report per layout, made when a test first needs it. */
    private static final Map<Layout, Run> RUNS = new EnumMap<>(Layout.class);

    private record Run(RealHikariLog.Truth truth, JsonNode report) {
        List<String> reported(String pointer, String field) {
            List<String> out = new ArrayList<>();
            report.at(pointer).forEach(n -> out.add(n.path(field).isNull() ? null : n.path(field).asText()));
            out.sort(null);
            return out;
        }
    }

    private static synchronized Run run(Layout layout) throws Exception {
        Run done = RUNS.get(layout);
        if (done == null) {
            Path log = dir.resolve("hikari-" + layout.name().toLowerCase() + ".jsonl");
            RealHikariLog.Truth truth = RealHikariLog.run(log, RealHikariLog.Options.defaults().withLayout(layout));
            Cli r = Cli.run("analyze", "--format", "json", log.toString());
            assertThat(r.code()).as(r.err()).isEqualTo(ExitCode.OK);
            done = new Run(truth, new ObjectMapper().readTree(r.out()));
            RUNS.put(layout, done);
        }
        return done;
    }

    private static <T> List<String> sorted(List<T> items, Function<T, String> f) {
        List<String> out = new ArrayList<>(items.stream().map(f).toList());
        out.sort(null);
        return out;
    }

    @ParameterizedTest
    @EnumSource(Layout.class)
    void detected(Layout layout) throws Exception {
        JsonNode input = run(layout).report().at("/input/dialects/0");
        assertThat(input.path("dialect").asText()).isEqualTo("hikaricp");
        assertThat(input.path("format").asText())
                .isEqualTo(layout == Layout.LOGSTASH ? "JSON lines from logback (logstash-logback-encoder)"
                        : "JSON lines from logback (JsonEncoder)");
        assertThat(run(layout).report().at("/input/malformed_lines").asInt()).isZero();
    }

    @ParameterizedTest
    @EnumSource(Layout.class)
    void leaks(Layout layout) throws Exception {
        Run run = run(layout);
        RealHikariLog.Truth truth = run.truth();
        JsonNode report = run.report();
        assertThat(report.at("/leaks/leaked_checkouts").asInt()).isEqualTo(truth.trueLeaks().size());
        assertThat(report.at("/leaks/suspected").asInt()).isEqualTo(truth.leakWarningsExpected());
        assertThat(report.at("/leaks/returned_late").asInt()).isEqualTo(truth.unleakedExpected());
        assertThat(run.reported("/leaks/items", "connection")).isEqualTo(sorted(truth.trueLeaks(), BorrowTruth::connection));
        assertThat(run.reported("/leaks/items", "request_id")).isEqualTo(sorted(truth.trueLeaks(), BorrowTruth::requestId));
        assertThat(run.reported("/leaks/items", "thread")).isEqualTo(sorted(truth.trueLeaks(), BorrowTruth::thread));
        assertThat(run.reported("/leaks/items", "origin")).isEqualTo(sorted(truth.trueLeaks(), BorrowTruth::origin));
        assertThat(run.reported("/leaks/items", "endpoint")).isEqualTo(sorted(truth.trueLeaks(), BorrowTruth::endpoint));
        assertThat(run.reported("/leaks/returned_late_items", "request_id"))
                .isEqualTo(sorted(truth.returnedLate(), BorrowTruth::requestId));
        assertThat(run.reported("/leaks/returned_late_items", "origin"))
                .isEqualTo(sorted(truth.returnedLate(), BorrowTruth::origin));
    }

    /**
     * A leak's borrow is dated leakDetectionThreshold before its warning, and HikariCP schedules the warning at
     * exactly that delay: each reported borrow lies just after the rig's clock reading before its getConnection.
     */
    @ParameterizedTest
    @EnumSource(Layout.class)
    void borrowTimes(Layout layout) throws Exception {
        Run run = run(layout);
        Map<String, Instant> borrowed = new HashMap<>();
        run.truth().borrows().forEach(b -> borrowed.put(b.connection() + " " + b.requestId(), Instant.parse(b.borrowedAt())));
        List<JsonNode> items = new ArrayList<>();
        run.report().at("/leaks/items").forEach(items::add);
        run.report().at("/leaks/returned_late_items").forEach(items::add);
        assertThat(items).hasSize(run.truth().leakWarningsExpected());
        for (JsonNode item : items) {
            Instant expected = borrowed.get(item.path("connection").asText() + " " + item.path("request_id").asText());
            Duration late = Duration.between(expected, Instant.parse(item.path("acquired_at").asText()));
            assertThat(late).as(item.toString()).isBetween(Duration.ofMillis(-50), Duration.ofMillis(500));
        }
        Instant first = Instant.parse(run.report().at("/input/first_timestamp").asText());
        Instant last = Instant.parse(run.report().at("/input/last_timestamp").asText());
        assertThat(first).isBetween(Instant.parse(run.truth().startedAt()).minusMillis(50),
                Instant.parse(run.truth().startedAt()).plusSeconds(1));
        assertThat(last).isAfter(Instant.parse(run.truth().shutdownAt()).minusMillis(50));
    }

    @ParameterizedTest
    @EnumSource(Layout.class)
    void origins(Layout layout) throws Exception {
        Map<String, Integer> origins = new HashMap<>();
        run(layout).report().at("/leaks/by_origin")
                .forEach(o -> origins.put(o.get("origin").asText(), o.get("leaked_checkouts").asInt()));
        assertThat(origins).isEqualTo(run(layout).truth().trueLeaksByOrigin());
        String helper = run(layout).truth().helperFrame();
        assertThat(run(layout).report().at("/leaks/origin_helpers_skipped/0").asText())
                .isEqualTo(helper.substring(0, helper.indexOf('(')));
    }

    @ParameterizedTest
    @EnumSource(Layout.class)
    void exhaustionAndPool(Layout layout) throws Exception {
        RealHikariLog.Truth truth = run(layout).truth();
        JsonNode report = run(layout).report();
        assertThat(report.at("/counts/getconn_failed").asInt()).isEqualTo(truth.connectionTimeouts().size());
        assertThat(report.at("/pool/peak_used").asInt()).isEqualTo(truth.maxActiveSeen());
        assertThat(report.at("/pool/peak_waiting").asInt()).isEqualTo(truth.maxWaitingSeen());
        assertThat(report.at("/pool/max").asInt()).isEqualTo(truth.poolConfig().maximumPoolSize());
        assertThat(report.at("/pool/configuration/" + truth.poolConfig().poolName() + ".leakDetectionThreshold").asLong())
                .isEqualTo(truth.poolConfig().leakDetectionThresholdMs());
        assertThat(report.at("/counts/getconn").isNull()).isTrue();
        assertThat(report.at("/health/verdict").asText()).isEqualTo("critical");
    }
}
