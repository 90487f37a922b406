package dev.poolscope.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Prefixes given with --pg-prefix, escapes the fixtures do not use, and lines written by hand. */
class LogLinePrefixTest {
    private static List<ServerRecord> read(String prefix, String... lines) {
        List<ServerRecord> out = new ArrayList<>();
        StderrReader r = new StderrReader("t.log", out::add, List.of(LogLinePrefix.of(prefix)));
        long n = 0;
        for (String line : lines) {
            byte[] b = line.getBytes(StandardCharsets.UTF_8);
            r.line(b, 0, b.length, ++n);
        }
        r.finish();
        return out;
    }

    @Test
    void readsSessionIdSqlstateAndPaddedFields() {
        List<ServerRecord> r = read("%n %c %-8u %e ",
                "1733367000.123 6b138e89.3e38 app      25P03 FATAL:  terminating connection due to idle-in-transaction timeout");
        assertThat(r).hasSize(1);
        assertThat(r.get(0).sessionId()).isEqualTo("6b138e89.3e38");
        assertThat(r.get(0).user()).isEqualTo("app");
        assertThat(r.get(0).sqlState()).isEqualTo("25P03");
        assertThat(r.get(0).time()).isEqualTo(1_733_367_000_123_000L);
    }

    @Test
    void verboseErrorsCarryTheirSqlstateAfterTheSeverity() {
        List<ServerRecord> r = read("%m [%p] ", "2026-01-05 10:00:00.000 +03 [7] ERROR:  57014: canceling statement due to user request",
                "2026-01-05 10:00:00.000 +03 [7] LOCATION:  ProcessInterrupts, postgres.c:3351",
                "2026-01-05 10:00:00.000 +03 [7] STATEMENT:  SELECT 1");
        assertThat(r).hasSize(1);
        assertThat(r.get(0).sqlState()).isEqualTo("57014");
        assertThat(r.get(0).message()).isEqualTo("canceling statement due to user request");
        assertThat(r.get(0).statement()).isEqualTo("SELECT 1");
        assertThat(ServerEvent.of(r.get(0))).isEqualTo(ServerEvent.USER_CANCEL);
        assertThat(r.get(0).time()).isEqualTo(java.time.Instant.parse("2026-01-05T07:00:00Z").getEpochSecond() * 1_000_000);
    }

    @Test
    void aLineOfAnotherProcessDoesNotContinueTheEvent() {
        List<ServerRecord> r = read("%m [%p] ", "2026-01-05 10:00:00.000 UTC [7] ERROR:  canceling statement due to statement timeout",
                "2026-01-05 10:00:00.001 UTC [8] STATEMENT:  SELECT 2",
                "\tcontinued");
        assertThat(r).hasSize(2);
        assertThat(r.get(0).statement()).isNull();
        assertThat(r.get(1).message()).isEqualTo("SELECT 2\ncontinued");
    }

    @Test
    void linesOfNoKnownShapeAreCountedNotRead() {
        StderrReader r = new StderrReader("t.log", x -> { }, LogLinePrefix.common());
        byte[] b = "pg_ctl: server started".getBytes(StandardCharsets.UTF_8);
        r.line(b, 0, b.length, 1);
        r.finish();
        assertThat(r.unparsed()).isEqualTo(1);
    }

    @Test
    void statementShapesReplaceLiteralsButNotNames() {
        assertThat(StatementShape.of("SELECT * FROM t1 WHERE a = 'x''y' AND b IN (1, 2, 3) AND c = -4.5e3"))
                .isEqualTo("SELECT * FROM t1 WHERE a = ? AND b IN (?, …) AND c = ?");
    }
}
