package dev.poolscope.findings;

import static dev.poolscope.findings.FindingLog.figure;
import static dev.poolscope.findings.FindingLog.ids;
import static dev.poolscope.findings.FindingLog.one;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.poolscope.analysis.AnalysisOptions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** User-defined signatures: the two worked examples of docs/findings.md, and the rules file's checks. */
class UserRulesTest {

    /** Incident 3: a project reported deleted and then listed again; incident 6: sync counters at odds. */
    private static final Map<String, String> RULES = Map.of(
            "rule.deleted-project-still-listed.event", "api.projects.deleted_but_listed",
            "rule.deleted-project-still-listed.severity", "warning",
            "rule.deleted-project-still-listed.title", "A deleted project is still listed",
            "rule.deleted-project-still-listed.advice", "DELETE must remove the proyectos row too.",
            "rule.stale-sync-flags.message", "synced=[1-9]\\d* .*neo4j_nodes=0\\b",
            "rule.stale-sync-flags.title", "Sync flags say synced but Neo4j is empty",
            "rule.stale-sync-flags.advice", "Reset the sync flags, then sync again.",
            "rule.stale-sync-flags.min-count", "2",
            "rule.stale-sync-flags.window", "10m",
            "finding.route-leaks-connections.min-leaks", "1");

    private static FindingLog log() {
        FindingLog log = new FindingLog();
        log.request("r-1", "DELETE", "/api/projects/7", 0, 5);
        log.at(1000).event("r-1", "api.projects.deleted_but_listed", "warning", ", \"project_id\": 7");
        log.at(2000).event(null, "admin.sync.status synced=120 pending=0 neo4j_nodes=0", "info", "");
        log.at(3000).event(null, "admin.sync.status synced=120 pending=0 neo4j_nodes=0", "info", "");
        log.at(4000).event(null, "admin.sync.status synced=0 pending=3 neo4j_nodes=0", "info", "");
        return log;
    }

    @Test
    void signaturesFireWithTheirCountsEndpointsAndWindows() {
        FindingConfig config = RulesFile.parse(RULES);
        AnalysisOptions options = AnalysisOptions.defaults().withSignatures(config.signatures());
        List<Finding> findings = Findings.evaluate(log().diagnose(options), config);
        Finding deleted = one(findings, "deleted-project-still-listed");
        assertThat(figure(deleted, "matches")).isEqualTo(1L);
        assertThat(deleted.endpoints()).containsExactly("DELETE /api/projects/{id}");
        assertThat(deleted.severity()).isEqualTo(Severity.WARNING);
        assertThat(deleted.doc()).isEqualTo("docs/findings.md#user-defined-signatures");
        Finding sync = one(findings, "stale-sync-flags");
        assertThat(figure(sync, "matches")).isEqualTo(2L);   // the third line says synced=0
        assertThat(figure(sync, "busiest_window_matches")).isEqualTo(2L);
        assertThat(sync.examples()).extracting(Example::line).containsExactly(6L, 7L);
    }

    /** FindingLog writes every line with logger app.test: a rule on app (a parent) matches all 9 lines. */
    @Test
    void loggerAndSqlstateRules() {
        FindingConfig config = RulesFile.parse(Map.of("rule.app-lines.logger", "app", "rule.app-lines.title", "t",
                "rule.app-lines.advice", "a", "rule.other-logger.logger", "ap", "rule.other-logger.title", "t",
                "rule.other-logger.advice", "a", "rule.fk.sqlstate", "23503", "rule.fk.title", "t", "rule.fk.advice", "a"));
        FindingLog log = log();
        log.at(5000).event(null, "db.error", "error", ", \"pgcode\": \"23503\"");
        List<Finding> findings = Findings.evaluate(log.diagnose(AnalysisOptions.defaults()
                .withSignatures(config.signatures())), config);
        assertThat(figure(one(findings, "app-lines"), "matches")).isEqualTo(9L);
        assertThat(ids(findings)).doesNotContain("other-logger");   // "ap" is not a parent of "app.test"
        assertThat(figure(one(findings, "fk"), "matches")).isEqualTo(1L);
    }

    @Test
    void belowTheMinimumCountOrRateNothingFires() {
        Map<String, String> strict = new java.util.HashMap<>(RULES);
        strict.put("rule.stale-sync-flags.min-count", "3");
        strict.put("rule.deleted-project-still-listed.min-rate", "2");
        FindingConfig config = RulesFile.parse(strict);
        AnalysisOptions options = AnalysisOptions.defaults().withSignatures(config.signatures());
        assertThat(ids(Findings.evaluate(log().diagnose(options), config)))
                .doesNotContain("stale-sync-flags", "deleted-project-still-listed");
    }

    @Test
    void badRulesAreRefusedNamingTheKey() {
        assertThatThrownBy(() -> RulesFile.parse(Map.of("rule.x.title", "t", "rule.x.advice", "a")))
                .hasMessageContaining("rule.x: give exactly one of");
        assertThatThrownBy(() -> RulesFile.parse(Map.of("rule.x.message", "(", "rule.x.title", "t", "rule.x.advice", "a")))
                .hasMessageContaining("rule.x.message is not a regular expression");
        assertThatThrownBy(() -> RulesFile.parse(Map.of("rule.schema-missing.event", "e", "rule.schema-missing.title",
                "t", "rule.schema-missing.advice", "a"))).hasMessageContaining("built-in");
        assertThatThrownBy(() -> RulesFile.parse(Map.of("finding.slow-endpoint-holds-connections.factr", "3")))
                .hasMessageContaining("unknown finding setting").hasMessageContaining("factor");
        assertThatThrownBy(() -> RulesFile.parse(Map.of("rule.x.event", "e", "rule.x.title", "t", "rule.x.advice", "a",
                "rule.x.window", "5 minutes"))).hasMessageContaining("rule.x.window");
    }

    @Test
    void thresholdsChangeWhatFires() {
        FindingLog log = new FindingLog();
        log.leak("l-1", "POST", "/api/projects", 0, 10);   // one leak: below the default minimum of 3
        assertThat(ids(Findings.evaluate(log.diagnose()))).doesNotContain("route-leaks-connections");
        assertThat(ids(Findings.evaluate(log.diagnose(), RulesFile.parse(RULES)))).contains("route-leaks-connections");
    }
}
