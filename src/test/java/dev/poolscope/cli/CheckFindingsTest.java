package dev.poolscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.poolscope.testing.CheckRun;
import dev.poolscope.testing.LogLines;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code check --fail-on finding:…}: exit codes, JUnit test cases and GitHub annotations per finding. */
class CheckFindingsTest {
    @TempDir
    Path dir;

    /**
     * 20 healthy requests and one missing-table error: no health-table breach, one critical finding
     * (schema-missing) and nothing else.
     */
    private Path log() throws Exception {
        LogLines log = new LogLines();
        for (int i = 0; i < 20; i++) {
            log.request("r" + i, "/api/items", 1);
        }
        log.raw("{\"event\": \"auth.login.failed\", \"level\": \"error\", \"pid\": 7, \"timestamp\": \"2026-01-02T03:00:09Z\","
                + " \"error\": \"relation \\\"users\\\" does not exist\"}");
        return log.write(dir.resolve("app.jsonl"));
    }

    @Test
    void aNamedFindingFailsTheBuildAndOthersDoNot() throws Exception {
        Path log = log();
        CheckRun plain = CheckRun.run("check", log.toString());
        assertThat(plain.exit()).as(plain.out()).isEqualTo(ExitCode.OK);
        assertThat(plain.out()).contains("schema-missing");
        CheckRun named = CheckRun.run("check", log.toString(), "--fail-on", "critical,finding:schema-missing");
        assertThat(named.exit()).isEqualTo(ExitCode.FINDINGS);
        assertThat(named.out()).contains("FAIL critical schema-missing");
        CheckRun other = CheckRun.run("check", log.toString(), "--fail-on", "finding:route-leaks-connections");
        assertThat(other.exit()).isEqualTo(ExitCode.OK);
        assertThat(CheckRun.run("check", log.toString(), "--fail-on", "finding:*:critical").exit()).isEqualTo(ExitCode.FINDINGS);
        assertThat(CheckRun.run("check", log.toString(), "--fail-on", "finding:*:info").exit()).isEqualTo(ExitCode.FINDINGS);
        CheckRun bad = CheckRun.run("check", log.toString(), "--fail-on", "finding:Bad Id");
        assertThat(bad.exit()).isEqualTo(ExitCode.USAGE);
    }

    @Test
    void junitHasOneTestCasePerFinding() throws Exception {
        Path junit = dir.resolve("pool.xml");
        CheckRun run = CheckRun.run("check", log().toString(), "--fail-on", "finding:schema-missing", "--junit",
                junit.toString());
        assertThat(run.exit()).isEqualTo(ExitCode.FINDINGS);
        String xml = Files.readString(junit);
        assertThat(xml).contains("name=\"finding:schema-missing\"").contains("type=\"finding-critical\"")
                .contains("failures=\"1\"");
    }

    @Test
    void configFileCarriesRulesAndFailOn() throws Exception {
        Path config = Files.writeString(dir.resolve("check.properties"), """
                fail-on=critical,finding:login-failures
                rule.login-failures.event=auth.login.failed
                rule.login-failures.title=Logins fail
                rule.login-failures.advice=Look at the auth service.
                """);
        CheckRun run = CheckRun.run("check", log().toString(), "--config", config.toString());
        assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(ExitCode.FINDINGS);
        assertThat(run.out()).contains("FAIL warning  login-failures");
    }
}
