package dev.poolscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.poolscope.testing.CheckRun;
import dev.poolscope.testing.Cli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Issue #16: a health figure the log's dialect cannot give is n/a in {@code check}, neither passed nor failed, and
 * left out of {@code analyze}'s health table; never judged as 0. The logs are the real HikariCP capture and copies
 * of it with the lines that show a figure taken out; expected values come from its truth file.
 */
class CheckObservabilityTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    static Path dir;
    static Path hikari;
    static JsonNode truth;

    @BeforeAll
    static void fixture() throws Exception {
        hikari = DialectFixturesTest.resource("hikaricp/hikaricp.jsonl");
        truth = JSON.readTree(DialectFixturesTest.resource("hikaricp/hikaricp.truth.json").toFile());
    }

    private static long summary(String field) {
        return truth.at("/summary/" + field).asLong();
    }

    /** The fixture without the lines {@code drop} matches, each kept line rewritten by {@code edit}. */
    private static Path copy(String name, Predicate<String> drop, UnaryOperator<String> edit) throws IOException {
        List<String> kept = new ArrayList<>();
        for (String line : Files.readAllLines(hikari)) {
            if (!drop.test(line)) {
                kept.add(edit.apply(line));
            }
        }
        return Files.write(dir.resolve(name), kept);
    }

    @Test
    void getconnMinusPutconnIsNotObservableInAHikariLog() {
        CheckRun r = CheckRun.run("check", hikari.toString());
        assertThat(r.row("getconn - putconn")).containsExactly("n/a", "10", "n/a");
        assertThat(r.out()).contains("not observable: HikariCP logs no checkout or checkin");
        assertThat(r.row("pool used (peak)")).containsExactly(Long.toString(summary("max_active_seen")), "10", "FAIL");
        assertThat(r.row("requests without close")).containsExactly(Long.toString(summary("true_leaks")), "0", "FAIL");
        assertThat(r.out()).startsWith("FAIL  poolscope check: 2 of 2 checks failed (1 not observable in this log)");
        assertThat(r.exit()).isEqualTo(ExitCode.FINDINGS);
    }

    @Test
    void aLimitOnAnUnobservableFigureNeitherPassesNorFails() {
        CheckRun r = CheckRun.run("check", hikari.toString(), "--max-leak-delta", "0", "--max-peak-used", "100",
                "--max-leaked-requests", "100");
        assertThat(r.row("getconn - putconn")).containsExactly("n/a", "0", "n/a");
        assertThat(r.out()).startsWith("PASS  poolscope check: all 2 checks passed (1 not observable in this log)");
        assertThat(r.exit()).isEqualTo(ExitCode.OK);
    }

    @Test
    void junitSkipsItAndGithubGetsANotice() throws Exception {
        Path xml = dir.resolve("hikari.xml");
        CheckRun r = CheckRun.run(Map.of("GITHUB_ACTIONS", "true"), "check", hikari.toString(), "--junit", xml.toString());
        Element suite = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml.toFile()).getDocumentElement();
        assertThat(suite.getAttribute("skipped")).isEqualTo("1");
        assertThat(suite.getAttribute("failures")).isEqualTo("2");
        NodeList cases = suite.getElementsByTagName("testcase");
        Element delta = (Element) cases.item(1);
        assertThat(delta.getAttribute("name")).isEqualTo("leak_delta");
        assertThat(delta.getElementsByTagName("failure").getLength()).isZero();
        assertThat(((Element) delta.getElementsByTagName("skipped").item(0)).getAttribute("message"))
                .startsWith("getconn - putconn is n/a: HikariCP logs no checkout or checkin");
        assertThat(r.out()).contains("::notice title=poolscope check%3A getconn - putconn not observable::")
                .doesNotContain("::error title=poolscope check failed%3A getconn - putconn");
    }

    @Test
    void leaksAreNotObservableWhenLeakDetectionIsOff() throws Exception {
        Path off = copy("detection-off.jsonl", l -> l.contains("com.zaxxer.hikari.pool.ProxyLeakTask"),
                l -> l.replace("leakDetectionThreshold..........2000", "leakDetectionThreshold..........0"));
        CheckRun r = CheckRun.run("check", off.toString());
        assertThat(r.row("requests without close")).containsExactly("n/a", "0", "n/a");
        assertThat(r.out()).contains("its leak detection is off (leakDetectionThreshold 0)");
        assertThat(r.row("pool used (peak)")).containsExactly(Long.toString(summary("max_active_seen")), "10", "FAIL");
        assertThat(healthRows(off)).containsExactly("pool_used");
    }

    @Test
    void poolUsedIsNotObservableWithoutStatsOrTimeouts() throws Exception {
        Path quiet = copy("no-stats.jsonl", l -> l.contains("stats (total=") || l.contains("Connection is not available"),
                l -> l);
        CheckRun r = CheckRun.run("check", quiet.toString());
        assertThat(r.row("pool used (peak)")).containsExactly("n/a", "10", "n/a");
        assertThat(r.out()).contains("no line states the connections in use: HikariCP logs them in its pool stats");
        assertThat(r.row("requests without close")).containsExactly(Long.toString(summary("true_leaks")), "0", "FAIL");
        assertThat(healthRows(quiet)).containsExactly("requests_without_close");
    }

    @Test
    void everyRowIsObservableInSqlalchemyAndPsycopgPoolLogs() throws Exception {
        for (String log : List.of("sqlalchemy/sqlalchemy.jsonl", "psycopg-pool/psycopg-pool.jsonl")) {
            CheckRun r = CheckRun.run("check", DialectFixturesTest.resource(log).toString());
            assertThat(r.out()).as(log).doesNotContain("n/a", "not observable");
            assertThat(healthRows(DialectFixturesTest.resource(log)))
                    .containsExactly("pool_used", "leak_delta", "requests_without_close");
        }
    }

    /** The metrics of analyze's health table. */
    private static List<String> healthRows(Path log) throws Exception {
        Cli c = Cli.run("analyze", "--format", "json", log.toString());
        assertThat(c.code()).as(c.err()).isEqualTo(ExitCode.OK);
        List<String> rows = new ArrayList<>();
        JSON.readTree(c.out()).at("/health/checks").forEach(n -> rows.add(n.get("metric").asText()));
        return rows;
    }
}
