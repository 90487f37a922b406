package dev.poolscope.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.poolscope.testing.RealHikariLog.Layout;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checks the rig itself in logback's JsonEncoder layout, not poolscope: the log must have the shape read from
 * logback 1.5.38's {@code JsonEncoder.java} (docs/log-format.md) and agree with the truth the rig recorded.
 */
@Tag("slow")
class RealHikariJsonEncoderLogTest {
    private static final String LEAK = "Connection leak detection triggered for {} on thread {}, stack trace follows";
    private static final String UNLEAKED = "Previously reported leaked connection {} on thread {} was returned to the"
            + " pool (unleaked)";
    @TempDir
    static Path dir;
    static RealHikariLog.Truth truth;
    static List<JsonNode> lines;

    @BeforeAll
    static void runTheRig() throws IOException {
        Path log = dir.resolve("hikaricp7-jsonencoder.jsonl");
        truth = RealHikariLog.run(log, RealHikariLog.Options.defaults().withLayout(Layout.LOGBACK_JSON));
        lines = RealHikariLog.lines(log);
    }

    private static List<JsonNode> where(Predicate<JsonNode> p) {
        return lines.stream().filter(p).toList();
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    @Test
    void everyLineHasJsonEncodersMembers() {
        assertThat(truth.software().logback()).isEqualTo("1.5.38");
        assertThat(lines).hasSizeGreaterThan(50).allSatisfy(n -> {
            assertThat(n.path("timestamp").isIntegralNumber()).isTrue();
            // nanoseconds is Instant.getNano(): the same millisecond as the epoch-millisecond timestamp
            assertThat(n.path("nanoseconds").asLong() / 1_000_000).isEqualTo(n.path("timestamp").asLong() % 1000);
            assertThat(n.path("level").isTextual()).isTrue();
            assertThat(n.path("threadName").isTextual()).isTrue();
            assertThat(n.path("loggerName").isTextual()).isTrue();
            assertThat(n.path("context").isObject()).isTrue();
            assertThat(n.path("mdc").isObject()).isTrue();
            assertThat(n.has("throwable")).isTrue();
            assertThat(n.has("formattedMessage")).isFalse();
        });
    }

    @Test
    void leakWarningsAreTemplatesWithArgumentsAndAThrowableObject() {
        List<JsonNode> warnings = where(n -> LEAK.equals(n.path("message").asText()));
        assertThat(warnings).hasSize(truth.leakWarningsExpected());
        for (RealHikariLog.BorrowTruth b : truth.borrows()) {
            if (!b.leakWarningExpected()) {
                continue;
            }
            assertThat(warnings).filteredOn(w -> texts(w.path("arguments")).equals(List.of(b.connection(), b.thread())))
                    .singleElement().satisfies(w -> {
                        assertThat(w.path("threadName").asText()).isEqualTo(truth.leakWarningThread());
                        assertThat(w.path("level").asText()).isEqualTo("WARN");
                        assertThat(w.path("mdc").size()).isZero();
                        JsonNode t = w.path("throwable");
                        assertThat(t.path("className").asText()).isEqualTo("java.lang.Exception");
                        assertThat(t.path("message").asText()).isEqualTo("Apparent connection leak detected");
                        List<String> frames = new ArrayList<>();
                        t.path("stepArray").forEach(s -> frames.add(s.path("className").asText() + "."
                                + s.path("methodName").asText() + "(" + s.path("fileName").asText() + ":"
                                + s.path("lineNumber").asInt() + ")"));
                        // stepArray[0] is HikariDataSource.getConnection; then the frames the rig took at the borrow,
                        // without the module ("java.base/") StackTraceElement.toString() puts first
                        assertThat(frames.subList(1, frames.size()))
                                .isEqualTo(b.stackFromHelper().stream().map(f -> f.replaceFirst("^[^(]*/", "")).toList());
                    });
        }
    }

    @Test
    void unleakedLinesCarryTheNestedMdc() {
        List<JsonNode> unleaked = where(n -> UNLEAKED.equals(n.path("message").asText()));
        assertThat(unleaked).hasSize(truth.unleakedExpected());
        for (RealHikariLog.BorrowTruth b : truth.returnedLate()) {
            assertThat(unleaked).filteredOn(u -> texts(u.path("arguments")).equals(List.of(b.connection(), b.thread())))
                    .singleElement().satisfies(u -> {
                        assertThat(u.path("threadName").asText()).isEqualTo(b.thread());
                        assertThat(u.at("/mdc/request_id").asText()).isEqualTo(b.requestId());
                        assertThat(u.at("/mdc/path").asText()).isEqualTo(b.path());
                        assertThat(u.has("request_id")).isFalse();
                    });
        }
    }

    @Test
    void timeoutsCarryTheExceptionAsAThrowableObject() {
        List<JsonNode> timeouts = where(n -> n.at("/throwable/className").asText()
                .equals("java.sql.SQLTransientConnectionException"));
        assertThat(timeouts).hasSize(truth.connectionTimeouts().size()).hasSize(2);
        for (RealHikariLog.TimeoutTruth t : truth.connectionTimeouts()) {
            assertThat(timeouts).filteredOn(n -> n.at("/mdc/request_id").asText().equals(t.requestId()))
                    .singleElement().satisfies(n -> {
                        assertThat(n.at("/throwable/message").asText()).isEqualTo(t.message());
                        assertThat(n.path("threadName").asText()).isEqualTo(t.thread());
                    });
        }
    }

    @Test
    void statsLinesAreTemplates() {
        String pool = truth.poolConfig().poolName();
        List<JsonNode> stats = where(n -> n.path("message").asText().equals("{} - {}stats (total={}/{}, idle={}/{},"
                + " active={}, waiting={})"));
        assertThat(stats).hasSizeGreaterThanOrEqualTo(4)
                .allSatisfy(n -> assertThat(n.at("/arguments/0").asText()).isEqualTo(pool));
        assertThat(stats).anySatisfy(n -> assertThat(n.at("/arguments/1").asText()).isEqualTo("Pool "));
    }
}
