package dev.poolscope.findings;

import static dev.poolscope.findings.FindingLog.figure;
import static dev.poolscope.findings.FindingLog.ids;
import static dev.poolscope.findings.FindingLog.one;
import static org.assertj.core.api.Assertions.assertThat;

import dev.poolscope.analysis.AnalysisOptions;
import dev.poolscope.analysis.Diagnosis;
import dev.poolscope.event.EventNames;
import dev.poolscope.event.FieldMapping;
import dev.poolscope.feed.Pipeline;
import dev.poolscope.feed.Progress;
import dev.poolscope.feed.ReadOptions;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** schema-missing and stale-connections-dropped: error texts from any driver, on warning-or-worse lines. */
class ErrorTextRulesTest {

    private static FindingLog base() {
        FindingLog log = new FindingLog();
        for (int i = 0; i < 5; i++) {
            log.request("ok-" + i, "GET", "/api/items", i * 1000L, 10);
        }
        return log;
    }

    @Test
    void missingRelationsAreNamedWithWhenFirstSeen() {
        FindingLog log = base();
        log.at(10_000).start("l-1", "POST", "/api/auth/login").event("l-1", "auth.login.failed", "error",
                ", \"error\": \"psycopg2.errors.UndefinedTable: relation \\\"users\\\" does not exist\\nLINE 1: SELECT\","
                        + " \"pgcode\": \"42P01\"");
        log.at(12_000).event("l-1", "auth.login.failed", "error",
                ", \"exception\": \"(psycopg2.errors.UndefinedTable) relation \\\"users\\\" does not exist\"");
        log.at(15_000).event(null, "job.failed", "ERROR", ", \"message\": \"ERROR: relation \\\"proyectos\\\" does not exist\"");
        log.at(16_000).event(null, "job.failed", "error", ", \"pgcode\": \"42P01\"");   // only the SQLSTATE
        log.at(17_000).event(null, "query.failed", "error",
                ", \"error\": \"column \\\"nombre\\\" does not exist\", \"pgcode\": \"42703\"");   // not a table
        Finding f = one(log.findings(), "schema-missing");
        assertThat(figure(f, "events")).isEqualTo(4L);
        List<?> relations = (List<?>) figure(f, "relations");
        assertThat(relations).extracting(r -> ((Figure.Row) r).cells().get("relation"))
                .containsExactly("users", "proyectos", "(name not logged)");   // by first seen
        assertThat(((Figure.Row) relations.get(0)).cells()).containsEntry("count", 2L);
        assertThat(FigureText.value("first_seen", ((Figure.Row) relations.get(0)).cells().get("first_seen")))
                .isEqualTo("2026-01-06T10:00:10.000000Z");
        assertThat(f.endpoints()).contains("POST /api/auth/login");
        assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
    }

    @Test
    void relationTextsOnInfoLinesOrAboutColumnsAreNotMissingTables() {
        FindingLog log = base();
        log.at(10_000).event(null, "migrations.check", "info", ", \"detail\": \"relation \\\"users\\\" does not exist yet, creating it\"");
        log.at(11_000).event(null, "query.failed", "error", ", \"error\": \"column \\\"x\\\" does not exist\"");
        assertThat(ids(log.findings())).doesNotContain("schema-missing");
    }

    @Test
    void oneDefunctConnectionIsInfoSixDroppedConnectionsAWarning() {
        FindingLog one = base();
        one.at(9_000).event(null, "neo4j.connection.defunct", "error",
                ", \"error\": \"Failed to read from defunct connection IPv4Address(('neo4j', 7687))\"");
        Finding f = one(one.findings(), "stale-connections-dropped");
        assertThat(f.severity()).isEqualTo(Severity.INFO);
        assertThat(figure(f, "events")).isEqualTo(1L);

        FindingLog six = base();
        String[] texts = {"Unable to retrieve routing information", "server closed the connection unexpectedly",
            "SSL SYSCALL error: EOF detected", "FATAL: terminating connection due to administrator command",
            "org.postgresql.util.PSQLException: This connection has been closed.",
            "HikariPool-1 - Failed to validate connection org.postgresql.jdbc.PgConnection@1 (This connection has been closed.)."};
        for (int i = 0; i < texts.length; i++) {
            six.at(9_000 + i).event(null, "db.error", i % 2 == 0 ? "WARNING" : "error", ", \"error\": \"" + texts[i] + "\"");
        }
        Finding w = one(six.findings(), "stale-connections-dropped");
        assertThat(w.severity()).isEqualTo(Severity.WARNING);
        assertThat(figure(w, "events")).isEqualTo(6L);
        // Hikari's line also quotes pgjdbc's text; the first text in the list of known ones names it
        assertThat((List<?>) figure(w, "errors")).hasSize(5);
    }

    @Test
    void droppedConnectionTextsAtDebugLevelAreIgnored() {
        FindingLog log = base();
        log.at(9_000).event(null, "driver.debug", "debug", ", \"detail\": \"server closed the connection unexpectedly\"");
        assertThat(ids(log.findings())).doesNotContain("stale-connections-dropped");
    }

    /** The same line read by the byte pre-filter and by jackson (a backslash-u escape sends it there). */
    @Test
    void bothDecodingPathsFindTheSameSignal() throws Exception {
        String plain = "{\"event\": \"db.error\", \"level\": \"error\", \"error\": \"relation \\\"users\\\" does not exist\","
                + " \"timestamp\": \"2026-01-06T10:00:00Z\", \"pid\": 1}\n";
        String escaped = plain.replace("users", "us\\u0065rs");
        for (String line : List.of(plain, escaped)) {
            for (boolean prefilter : List.of(true, false)) {
                Diagnosis d = new Pipeline(FieldMapping.defaults(), EventNames.defaults(), AnalysisOptions.defaults(),
                        1 << 20, new ReadOptions(1, prefilter, Progress.Display.OFF))
                        .run(new ByteArrayInputStream(line.getBytes(StandardCharsets.UTF_8)), "x.jsonl");
                assertThat(d.evidence().signals().schema().byKey()).as("%s prefilter=%s", line, prefilter)
                        .containsOnlyKeys("users");
            }
        }
    }
}
