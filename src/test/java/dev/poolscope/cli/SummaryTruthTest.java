package dev.poolscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.poolscope.analysis.Diagnosis;
import dev.poolscope.analysis.LibraryResult;
import dev.poolscope.server.ServerResult;
import dev.poolscope.summary.SummaryReader;
import dev.poolscope.testing.Cli;
import dev.poolscope.testing.MiniJson;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end through the command line (issues #16-#18): {@code analyze FIXTURE --summary}, {@code merge} of two
 * halves, then the summary read back; the library and server figures are the fixtures' truth (their
 * README/truth files), not what one pass printed.
 */
class SummaryTruthTest {
    @TempDir
    Path dir;

    @Test
    void hikariLeakDetectionSurvivesSummaryAndMergeOfHalves() throws Exception {
        Path log = fixture("hikaricp/hikaricp.jsonl");
        Path whole = dir.resolve("whole.psum");
        assertThat(Cli.run("analyze", log.toString(), "--summary", whole.toString(), "-o", dir.resolve("r.txt").toString())
                .code()).isZero();
        List<String> lines = Files.readAllLines(log);
        Path first = Files.write(dir.resolve("app.jsonl.1"), lines.subList(0, lines.size() / 2));
        Path second = Files.write(dir.resolve("app.jsonl"), lines.subList(lines.size() / 2, lines.size()));
        Cli.run("analyze", first.toString(), "--summary", dir.resolve("a.psum").toString(), "-o", dir.resolve("a.txt").toString());
        Cli.run("analyze", second.toString(), "--summary", dir.resolve("b.psum").toString(), "-o", dir.resolve("b.txt").toString());
        Cli merge = Cli.run("merge", dir.resolve("b.psum").toString(), dir.resolve("a.psum").toString(), "-o",
                dir.resolve("m.psum").toString());
        assertThat(merge.code()).as(merge.err()).isZero();
        for (Path psum : List.of(whole, dir.resolve("m.psum"))) {
            LibraryResult lib = finished(psum).library();
            // hikaricp.truth.json: 13 leak warnings, 5 "unleaked", 8 borrows never closed (pool_config: 12, 2000 ms)
            assertThat(lib.suspected()).as(psum.toString()).isEqualTo(13);
            assertThat(lib.returnedLate()).isEqualTo(5);
            assertThat(lib.trueLeakCount()).isEqualTo(8);
            assertThat(lib.byOrigin().stream().mapToLong(Map.Entry::getValue).sum()).isEqualTo(8);
            assertThat(lib.config()).containsEntry("HikariPool-1.maximumPoolSize", "12")
                    .containsEntry("HikariPool-1.leakDetectionThreshold", "2000");
            assertThat(lib.trueLeaks()).allSatisfy(l -> assertThat(l.requestId()).isNotNull());
            assertThat(lib.trueLeaks()).extracting(l -> l.endpoint())
                    .containsOnly("GET /api/customers/{id}/orders/export");   // the leaky export endpoint
        }
        Cli report = Cli.run("report", dir.resolve("m.psum").toString(), "--format", "json", "--from", "2026-12-05",
                "--to", "2026-12-05");
        assertThat(report.code()).as(report.err()).isZero();
        // the truth's 30 connection timeouts, each counted once although HikariCP's text is logged at two layers
        assertThat(MiniJson.flatten(report.out().getBytes(StandardCharsets.UTF_8))).containsEntry("totals.getconn_failed", "30");
    }

    @Test
    void serverKillsAndTheJoinSurviveSummaryAndMerge() throws Exception {
        Path app = fixture("sqlalchemy/sqlalchemy.jsonl");
        Path server = fixture("postgres-jsonlog/during-sqlalchemy.json");
        Path psum = dir.resolve("day.psum");
        Cli run = Cli.run("analyze", app.toString(), server.toString(), "--summary", psum.toString(), "-o",
                dir.resolve("r.txt").toString());
        assertThat(run.code()).as(run.err()).isZero();
        Diagnosis d = finished(psum);
        ServerResult s = d.server().result();
        // postgres-jsonlog/README.md: 5 idle-in-transaction kills, 1 EOF in a transaction, 25 statement timeouts,
        // 18 authorized, 19 disconnections; the 6 leaks all matched (5 kills + 1 EOF)
        assertThat(s.idleInTransactionKills()).isEqualTo(5);
        assertThat(s.eofInTransaction()).isEqualTo(1);
        assertThat(s.statementTimeouts()).isEqualTo(25);
        assertThat(s.sessions().authorizations()).isEqualTo(18);
        assertThat(s.sessions().disconnections()).isEqualTo(19);
        assertThat(d.server().join()).isNotNull();
        assertThat(d.server().join().leaks().matched()).isEqualTo(6);
    }

    @Test
    void aRedactedSummaryMasksTheNewSectionsToo() throws Exception {
        // A request id of the truth's true leaks and an application thread name: both log strings of the new
        // library section; masked by the pattern given, while the figures stay.
        Path log = fixture("hikaricp/hikaricp.jsonl");
        Path psum = dir.resolve("masked.psum");
        Cli run = Cli.run("analyze", log.toString(), "--summary", psum.toString(), "-o", dir.resolve("r.txt").toString(),
                "--redact-pattern", "16d135d4-5572-4786-8e70-f282a0344368", "--redact-pattern", "http-nio-8080-exec-29");
        assertThat(run.code()).as(run.err()).isZero();
        String text = Files.readString(psum);
        assertThat(text).contains("\"redacted\":true").contains("\"library\":")
                .doesNotContain("16d135d4-5572-4786-8e70-f282a0344368").doesNotContain("http-nio-8080-exec-29");
        assertThat(finished(psum).library().suspected()).isEqualTo(13);
    }

    @Test
    void aDirectoryOfAppAndServerLogsIsReadInTimeOrder() throws Exception {
        // The server log starts 03:03:37, before the app's first line (03:03:38): it is read first, not last.
        Path d = Files.createDirectories(dir.resolve("day"));
        Files.copy(fixture("hikaricp/hikaricp.jsonl"), d.resolve("a-app.jsonl"));
        Files.copy(fixture("postgres-jsonlog/during-hikaricp.json"), d.resolve("z-postgresql.log"));
        Path psum = dir.resolve("day.psum");
        assertThat(Cli.run("analyze", d.toString(), "--summary", psum.toString(), "-o", dir.resolve("r.txt").toString())
                .code()).isZero();
        assertThat(finished(psum).input().files()).containsExactly(d.resolve("z-postgresql.log").toString(),
                d.resolve("a-app.jsonl").toString());
    }

    private Path fixture(String name) throws Exception {
        Path p = dir.resolve(Path.of(name).getFileName());
        try (InputStream in = getClass().getResourceAsStream("/fixtures/" + name)) {
            Files.copy(in, p);
        }
        return p;
    }

    private static Diagnosis finished(Path psum) throws Exception {
        try (InputStream in = Files.newInputStream(psum)) {
            return SummaryReader.read(in).finish().diagnosis();
        }
    }
}
