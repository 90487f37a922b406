package dev.poolscope.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checks the rig itself, not poolscope: the log HikariCP, logback and logstash-logback-encoder wrote must agree
 * with the truth the rig recorded from its own bookkeeping. One run (about 5 s) serves every test.
 */
@Tag("slow")
class RealHikariLogTest {
    @TempDir
    static Path dir;
    static RealHikariLog.Truth truth;
    static List<JsonNode> lines;

    @BeforeAll
    static void runTheRig() throws IOException {
        Path log = dir.resolve("hikaricp7.jsonl");
        truth = RealHikariLog.run(log);
        truth.write(dir.resolve("hikaricp7.truth.json"));
        String keep = System.getProperty("poolscope.rig.keep"); // a folder to copy the run's log and truth to
        if (keep != null) {
            Files.createDirectories(Path.of(keep));
            Files.copy(log, Path.of(keep, "hikaricp7.jsonl"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            truth.write(Path.of(keep, "hikaricp7.truth.json"));
        }
        lines = RealHikariLog.lines(log);
    }

    private static List<JsonNode> where(Predicate<JsonNode> p) {
        return lines.stream().filter(p).toList();
    }

    private static Predicate<JsonNode> message(String part) {
        return n -> n.path("message").asText().contains(part);
    }

    @Test
    void everyLineIsAJsonObjectFromLogstashEncoder() {
        assertThat(lines).hasSizeGreaterThan(50);
        assertThat(lines).allSatisfy(n -> {
            assertThat(n.isObject()).isTrue();
            assertThat(n.has("@timestamp")).isTrue();
            assertThat(n.has("logger_name")).isTrue();
            assertThat(n.has("thread_name")).isTrue();
            assertThat(n.has("level")).isTrue();
        });
    }

    @Test
    void leakWarningsMatchTheTruth() {
        List<JsonNode> warnings = where(message("Connection leak detection triggered"));
        assertThat(warnings).hasSize(truth.leakWarningsExpected());
        assertThat(truth.leakWarningsExpected()).isEqualTo(truth.trueLeaks().size() + truth.returnedLate().size());
        assertThat(truth.trueLeaks()).hasSize(3);
        assertThat(truth.returnedLate()).hasSize(1);
        // Each expected warning names the connection and thread the rig recorded, logged by the housekeeper
        // without MDC, with the borrow's stack trace holding its origin and the helper frame.
        for (RealHikariLog.BorrowTruth b : truth.borrows()) {
            if (!b.leakWarningExpected()) {
                continue;
            }
            String text = "Connection leak detection triggered for " + b.connection() + " on thread " + b.thread()
                    + ", stack trace follows";
            assertThat(warnings).filteredOn(message(text)).singleElement().satisfies(w -> {
                assertThat(w.path("thread_name").asText()).isEqualTo(truth.leakWarningThread());
                assertThat(w.path("level").asText()).isEqualTo("WARN");
                assertThat(w.has("request_id")).isFalse();
                String trace = w.path("stack_trace").asText();
                assertThat(trace).startsWith("java.lang.Exception: Apparent connection leak detected")
                        .contains("at " + truth.helperFrame() + "\n", "at " + b.origin() + "\n");
                // The frames below HikariDataSource.getConnection are the ones the rig took at the borrow.
                List<String> frames = trace.lines().skip(2).map(l -> l.replaceFirst("^\\tat ", "")).toList();
                assertThat(frames).isEqualTo(b.stackFromHelper());
            });
        }
        assertThat(truth.trueLeaksByOrigin()).hasSize(2).containsValue(2).containsValue(1);
        assertThat(truth.trueLeaksByOrigin().keySet())
                .anyMatch(k -> k.startsWith("dev.poolscope.testing.rigapp.ExportService.export("))
                .anyMatch(k -> k.startsWith("dev.poolscope.testing.rigapp.InventoryService.sync("));
    }

    @Test
    void unleakedLinesMatchTheReturnedLate() {
        List<JsonNode> unleaked = where(message("was returned to the pool (unleaked)"));
        assertThat(unleaked).hasSize(truth.unleakedExpected());
        for (RealHikariLog.BorrowTruth b : truth.returnedLate()) {
            String text = "Previously reported leaked connection " + b.connection() + " on thread " + b.thread()
                    + " was returned to the pool (unleaked)";
            assertThat(unleaked).filteredOn(message(text)).singleElement().satisfies(u -> {
                assertThat(u.path("thread_name").asText()).isEqualTo(b.thread());
                assertThat(u.path("request_id").asText()).isEqualTo(b.requestId());
            });
        }
    }

    @Test
    void timeoutsMatchTheTruth() {
        List<JsonNode> timeouts = where(message("Connection is not available"));
        assertThat(truth.connectionTimeouts()).hasSize(2);
        assertThat(timeouts).hasSize(truth.connectionTimeouts().size());
        for (RealHikariLog.TimeoutTruth t : truth.connectionTimeouts()) {
            assertThat(timeouts).filteredOn(n -> n.path("request_id").asText().equals(t.requestId()))
                    .singleElement().satisfies(n -> {
                        assertThat(n.path("message").asText()).endsWith(t.message());
                        assertThat(n.path("thread_name").asText()).isEqualTo(t.thread());
                        assertThat(n.path("stack_trace").asText())
                                .startsWith("java.sql.SQLTransientConnectionException: " + t.message());
                    });
        }
        assertThat(truth.maxActiveSeen()).isEqualTo(truth.poolConfig().maximumPoolSize());
    }

    @Test
    void configurationDumpAndPoolStatsArePresent() {
        String pool = truth.poolConfig().poolName();
        assertThat(where(message(pool + " - configuration:"))).hasSize(1);
        RealHikariLog.PoolConfig c = truth.poolConfig();
        for (String setting : List.of(dumped("maximumPoolSize", c.maximumPoolSize()),
                dumped("minimumIdle", c.minimumIdle()), dumped("leakDetectionThreshold", c.leakDetectionThresholdMs()),
                dumped("connectionTimeout", c.connectionTimeoutMs()), dumped("maxLifetime", c.maxLifetimeMs()),
                dumped("jdbcUrl", c.jdbcUrl()))) {
            assertThat(where(n -> n.path("message").asText().equals(setting))).as(setting).hasSize(1);
        }
        assertThat(where(message(pool + " - Pool stats (total="))).hasSizeGreaterThanOrEqualTo(4);
    }

    /** HikariConfig's dump: the name padded with dots to 32 characters, then the value. */
    private static String dumped(String name, Object value) {
        return String.format("%-32s", name).replace(' ', '.') + value;
    }

    @Test
    void appLinesCarryTheRequestMdc() {
        for (RealHikariLog.RequestTruth r : truth.requests()) {
            assertThat(where(n -> r.requestId().equals(n.path("request_id").asText())))
                    .isNotEmpty()
                    .allSatisfy(n -> {
                        assertThat(n.path("path").asText()).isEqualTo(r.path());
                        assertThat(n.path("thread_name").asText()).isEqualTo(r.thread());
                    });
        }
        assertThat(truth.runMillis()).isLessThan(10_000);
    }
}
