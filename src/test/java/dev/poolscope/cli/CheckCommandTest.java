package dev.poolscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.poolscope.testing.CheckRun;
import dev.poolscope.testing.LogLines;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code poolscope check} through the real command line. Every expected figure is counted by hand
 * from the {@link LogLines} calls of the test: peak pool used is the highest {@code used} written,
 * getconn − putconn the unreturned {@code get}s, a request without close one that ended holding one.
 */
class CheckCommandTest {
    static final String POOL = "pool used (peak)";
    static final String DELTA = "getconn - putconn";
    static final String REQUESTS = "requests without close";
    static final String TIMEOUTS = "statement timeouts";
    static final String FAILED = "failed getconn";

    @TempDir
    Path dir;

    /** Five requests that each return their connection; pool used at most 5. */
    private Path healthy() throws IOException {
        LogLines log = new LogLines();
        for (int i = 1; i <= 5; i++) {
            log.request("r" + i, "/api/things", i);
        }
        return log.write(dir.resolve("healthy.jsonl"));
    }

    /** Healthy traffic, then {@code n} requests that end still holding one connection each. */
    private Path leakingRequests(int n, String name) throws IOException {
        LogLines log = new LogLines().request("ok", "/api/things", 1);
        for (int i = 1; i <= n; i++) {
            log.start("leak" + i, "POST", "/api/orders").get("leak" + i, "c" + i, i).end("leak" + i);
        }
        return log.write(dir.resolve(name));
    }

    @Test
    void healthyLogPasses() throws IOException {
        CheckRun r = CheckRun.run("check", healthy().toString());

        assertThat(r.exit()).as(r.err()).isEqualTo(0);
        assertThat(r.out()).startsWith("PASS").contains("all 3 checks passed");
        assertThat(r.row(POOL)).containsExactly("5", "70", "PASS");
        assertThat(r.row(DELTA)).containsExactly("0", "10", "PASS");
        assertThat(r.row(REQUESTS)).containsExactly("0", "0", "PASS");
        assertThat(r.row(TIMEOUTS)).as("not rated by the health table").isNull();
        assertThat(r.out()).doesNotContain("Leaked:").doesNotContain("::");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void peakPoolUsedAboveCriticalFails() throws IOException {
        Path log = new LogLines().request("a", "/api/things", 70).request("b", "/api/things", 71)
                .write(dir.resolve("busy.jsonl"));

        CheckRun r = CheckRun.run("check", log.toString());

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).startsWith("FAIL").contains("1 of 3 checks failed");
        assertThat(r.row(POOL)).containsExactly("71", "70", "FAIL");
        assertThat(r.row(DELTA)[2]).isEqualTo("PASS");
        assertThat(r.row(REQUESTS)[2]).isEqualTo("PASS");
        assertThat(r.out()).doesNotContain("Leaked:");
    }

    @Test
    void leakDeltaAboveCriticalFailsAndTenIsTheLastPassingValue() throws IOException {
        CheckRun ten = CheckRun.run("check", openCheckouts(10, "ten.jsonl").toString());
        CheckRun eleven = CheckRun.run("check", openCheckouts(11, "eleven.jsonl").toString());

        assertThat(ten.exit()).isEqualTo(0);
        assertThat(ten.row(DELTA)).containsExactly("10", "10", "PASS");
        assertThat(eleven.exit()).isEqualTo(1);
        assertThat(eleven.row(DELTA)).containsExactly("11", "10", "FAIL");
        assertThat(eleven.row(REQUESTS)).containsExactly("0", "0", "PASS");
        assertThat(eleven.out()).contains("Leaked: 0 connections never returned, by 0 requests; "
                + "11 more still open when the log ends (in flight)");
    }

    /** Background checkouts (no request id) still open when the log ends, within the grace period. */
    private Path openCheckouts(int n, String name) throws IOException {
        LogLines log = new LogLines();
        for (int i = 1; i <= n; i++) {
            log.get(null, "bg" + i, i);
        }
        return log.write(dir.resolve(name));
    }

    @Test
    void requestWithoutCloseFailsAndNamesRequestEndpointAndAcquireTime() throws IOException {
        Path log = new LogLines().start("r1", "GET", "/api/things").get("r1", "c1", 1).end("r1")
                .write(dir.resolve("leak.jsonl"));

        CheckRun r = CheckRun.run("check", log.toString());

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.row(REQUESTS)).containsExactly("1", "0", "FAIL");
        assertThat(r.row(DELTA)).containsExactly("1", "10", "PASS");
        assertThat(r.out()).contains("Leaked: 1 connections never returned, by 1 requests")
                .contains("by endpoint: GET /api/things (1)");
        // the checkout is the second event: 200 ms into the log
        assertThat(r.out()).containsPattern("2026-01-02 03:00:00\\.200 +1 +GET /api/things +r1");
    }

    @Test
    void statementTimeoutsAreGatedOnlyWhenALimitIsSet() throws IOException {
        Path log = new LogLines().request("a", "/api/stats", 1).timeout("a").write(dir.resolve("t.jsonl"));

        CheckRun unlimited = CheckRun.run("check", log.toString());
        CheckRun limited = CheckRun.run("check", log.toString(), "--max-statement-timeouts", "0");
        CheckRun loose = CheckRun.run("check", log.toString(), "--max-statement-timeouts", "1");

        assertThat(unlimited.exit()).isEqualTo(0);
        assertThat(unlimited.row(TIMEOUTS)).isNull();
        assertThat(limited.exit()).isEqualTo(1);
        assertThat(limited.row(TIMEOUTS)).containsExactly("1", "0", "FAIL");
        assertThat(limited.out()).contains("--max-statement-timeouts");
        assertThat(loose.exit()).isEqualTo(0);
        assertThat(loose.row(TIMEOUTS)).containsExactly("1", "1", "PASS");
    }

    @Test
    void failedGetconnAboveItsLimitFails() throws IOException {
        Path log = new LogLines().request("a", "/api/things", 1).failed("b").failed("c").write(dir.resolve("f.jsonl"));

        CheckRun strict = CheckRun.run("check", log.toString(), "--max-failed-getconn", "1");
        CheckRun loose = CheckRun.run("check", log.toString(), "--max-failed-getconn", "2");

        assertThat(strict.exit()).isEqualTo(1);
        assertThat(strict.row(FAILED)).containsExactly("2", "1", "FAIL");
        assertThat(loose.exit()).isEqualTo(0);
    }

    @Test
    void hardLimitsReplaceTheHealthBandBothWays() throws IOException {
        CheckRun peak = CheckRun.run("check", healthy().toString(), "--max-peak-used", "4");
        CheckRun delta = CheckRun.run("check", openCheckouts(1, "one.jsonl").toString(), "--max-leak-delta", "0");
        Path leaks = leakingRequests(2, "two.jsonl");
        CheckRun tighter = CheckRun.run("check", leaks.toString(), "--max-leaked-requests", "1");
        CheckRun looser = CheckRun.run("check", leaks.toString(), "--max-leaked-requests", "2");

        assertThat(peak.exit()).isEqualTo(1);
        assertThat(peak.row(POOL)).containsExactly("5", "4", "FAIL");
        assertThat(delta.exit()).isEqualTo(1);
        assertThat(delta.row(DELTA)).containsExactly("1", "0", "FAIL");
        assertThat(tighter.exit()).isEqualTo(1);
        assertThat(tighter.row(REQUESTS)).containsExactly("2", "1", "FAIL");
        assertThat(looser.exit()).as("a hard limit may also allow more than the health table").isEqualTo(0);
        assertThat(looser.row(REQUESTS)).containsExactly("2", "2", "PASS");
    }

    @Test
    void failOnWarningUsesTheNormalBand() throws IOException {
        Path log = new LogLines().request("a", "/api/things", 11).write(dir.resolve("warn.jsonl"));

        CheckRun critical = CheckRun.run("check", log.toString());
        CheckRun warning = CheckRun.run("check", log.toString(), "--fail-on", "warning");

        assertThat(critical.exit()).isEqualTo(0);
        assertThat(warning.exit()).isEqualTo(1);
        assertThat(warning.row(POOL)).containsExactly("11", "10", "FAIL");
        assertThat(warning.out()).contains("health table: normal up to 10");
    }

    @Test
    void healthThresholdsComeFromTheCommandLine() throws IOException {
        CheckRun r = CheckRun.run("check", healthy().toString(), "--used-normal", "2", "--used-critical", "4");

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.row(POOL)).containsExactly("5", "4", "FAIL");
    }

    @Test
    void emptyLogIsAnInputErrorUnlessAllowed() throws IOException {
        Path empty = new LogLines().write(dir.resolve("empty.jsonl"));

        CheckRun refused = CheckRun.run("check", empty.toString());
        CheckRun allowed = CheckRun.run("check", empty.toString(), "--allow-empty");

        assertThat(refused.exit()).isEqualTo(3);
        assertThat(refused.err()).startsWith("poolscope: the input is empty").contains("--allow-empty");
        assertThat(refused.err().lines()).hasSize(1);
        assertThat(refused.out()).isEmpty();
        assertThat(allowed.exit()).isEqualTo(0);
        assertThat(allowed.row(DELTA)).containsExactly("0", "10", "PASS");
    }

    @Test
    void logOfBlankLinesIsEmpty() throws IOException {
        Path blank = new LogLines().raw("").raw("   ").write(dir.resolve("blank.jsonl"));

        CheckRun r = CheckRun.run("check", blank.toString());

        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.err()).startsWith("poolscope: the input is empty (all 2 lines blank)");
    }

    @Test
    void logWithoutPoolEventsIsAnInputError() throws IOException {
        Path log = new LogLines().start("a", "GET", "/").end("a").write(dir.resolve("web.jsonl"));

        CheckRun r = CheckRun.run("check", log.toString());

        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.err()).contains("no pool events in 2 lines");
    }

    @Test
    void fileThatIsNotJsonIsAnInputError() throws IOException {
        Path text = new LogLines().raw("2026-01-02 03:00:00 INFO started").raw("2026-01-02 03:00:01 INFO getconn")
                .write(dir.resolve("app.log"));

        CheckRun r = CheckRun.run("check", text.toString());

        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.err()).contains("2 of 2 lines are not JSON log events (more than --max-malformed 1%)")
                .contains("app.log:1");
    }

    @Test
    void malformedLinesAreToleratedUpToTheLimit() throws IOException {
        // 99 good lines and 1 bad: 1 % exactly, allowed; 98 and 2: above 1 %
        CheckRun one = CheckRun.run("check", mixed(99, 1, "one.jsonl").toString());
        CheckRun two = CheckRun.run("check", mixed(98, 2, "two.jsonl").toString());
        CheckRun twoAllowed = CheckRun.run("check", mixed(98, 2, "two.jsonl").toString(), "--max-malformed", "2");
        CheckRun twoInPercent = CheckRun.run("check", mixed(98, 2, "two.jsonl").toString(), "--max-malformed", "2%");

        assertThat(one.exit()).as(one.err()).isEqualTo(0);
        assertThat(two.exit()).isEqualTo(3);
        assertThat(two.err()).contains("2 of 100 lines");
        assertThat(twoAllowed.exit()).isEqualTo(0);
        assertThat(twoInPercent.exit()).isEqualTo(0);
    }

    /** {@code good} valid lines (checkout/checkin pairs, one unrelated event if odd), then {@code bad} broken ones. */
    private Path mixed(int good, int bad, String name) throws IOException {
        LogLines log = new LogLines();
        for (int i = 0; i < good / 2; i++) {
            log.get(null, "c" + i, 1).put(null, "c" + i, 0);
        }
        if (good % 2 == 1) {
            log.end("x");
        }
        for (int i = 0; i < bad; i++) {
            log.raw("{\"event\": \"pool.getconn.success\", truncated");
        }
        return log.write(dir.resolve(name));
    }

    @Test
    void missingLogIsAnInputError() {
        CheckRun r = CheckRun.run("check", dir.resolve("nope.jsonl").toString());

        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.err()).isEqualTo("poolscope: no such file: " + dir.resolve("nope.jsonl") + System.lineSeparator());
    }

    @Test
    void unknownOptionIsAUsageError() throws IOException {
        CheckRun r = CheckRun.run("check", healthy().toString(), "--max-leaks", "3");

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("Unknown option").contains("--max-leaks").contains("poolscope check --help");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void helpListsTheExitCodesAndGates() {
        CheckRun r = CheckRun.run("check", "--help");

        assertThat(r.exit()).isEqualTo(0);
        assertThat(r.out()).contains("Exit codes:").contains("--max-leak-delta").contains("--max-leaked-requests")
                .contains("--max-peak-used").contains("--max-statement-timeouts").contains("--max-failed-getconn")
                .contains("--baseline").contains("--tolerance").contains("--junit").contains("--config")
                .contains("--allow-empty").contains("--max-malformed").contains("--fail-on");
        for (String code : new String[] {"0", "1", "2", "3", "4"}) {
            assertThat(r.out()).containsPattern("(?m)^  " + code + " +\\S");
        }
    }

    @Test
    void githubActionsGetErrorAnnotationsOnlyThere() throws IOException {
        Path log = leakingRequests(1, "leak.jsonl");

        CheckRun github = CheckRun.run(Map.of("GITHUB_ACTIONS", "true"), "check", log.toString());
        CheckRun local = CheckRun.run(Map.of("GITHUB_ACTIONS", "false"), "check", log.toString());
        CheckRun passing = CheckRun.run(Map.of("GITHUB_ACTIONS", "true"), "check", healthy().toString());

        assertThat(github.exit()).isEqualTo(1);
        assertThat(github.out().lines().filter(l -> l.startsWith("::"))).containsExactly(
                "::error title=poolscope check failed%3A requests without close::requests without close is 1, "
                        + "above the limit 0 (health table: critical above 0)"
                        + "%0ALeaking endpoints: POST /api/orders (1)"
                        + "%0APOST /api/orders acquired at 2026-01-02T03:00:00.600000Z, 1 connection, request leak1");
        assertThat(local.out()).doesNotContain("::");
        assertThat(passing.out()).doesNotContain("::");
    }

    @Test
    void githubAnnotationsCannotBeForgedFromLogContent() throws IOException {
        // a path with a percent sign and an embedded newline followed by a workflow command
        Path log = new LogLines().start("r1", "GET", "/a%2F\\n::warning::forged").get("r1", "c1", 1).end("r1")
                .write(dir.resolve("hostile.jsonl"));

        CheckRun r = CheckRun.run(Map.of("GITHUB_ACTIONS", "true"), "check", log.toString());

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out().lines().filter(l -> l.strip().startsWith("::")))
                .allMatch(l -> l.startsWith("::error title=poolscope check failed"))
                .hasSize(1);
        assertThat(r.out()).contains("%252F").doesNotContain("\n::warning");
    }

    @Test
    void inputErrorsAreAnnotatedOnGithubToo() {
        CheckRun r = CheckRun.run(Map.of("GITHUB_ACTIONS", "true"), "check", dir.resolve("nope.jsonl").toString());

        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.out()).startsWith("::error title=poolscope check%3A input problem::no such file: ");
    }
}
