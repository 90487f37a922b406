package dev.poolscope.report.weekly;

import static org.assertj.core.api.Assertions.assertThat;

import dev.poolscope.Poolscope;
import dev.poolscope.analysis.Diagnosis;
import dev.poolscope.analysis.Level;
import dev.poolscope.analysis.Thresholds;
import dev.poolscope.findings.Findings;
import dev.poolscope.testing.MiniJson;
import dev.poolscope.weekly.DayFigures;
import dev.poolscope.weekly.Insight;
import dev.poolscope.weekly.WeeklyReport;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The weekly report's pool-library and server sections (issues #16, #18), rendered from diagnoses of the
 * real fixtures made by {@code analyze}'s path, which fills them; expected figures come from the fixtures'
 * truth files and READMEs. Summaries do not carry them yet, so {@code report} shows them once they do.
 */
class WeeklyExtrasTest {
    private static final Path FIXTURES = Path.of("src/test/resources/fixtures");
    private static final LocalDate DAY = LocalDate.of(2026, 12, 5);

    private static WeeklyReport report(Diagnosis d, boolean secondDayEvaluated) {
        DayFigures day = new DayFigures(DAY, true, 0, 0, 0, 0, -1, 0, 0, 0, Level.CRITICAL);
        DayFigures next = new DayFigures(DAY.plusDays(1), true, 0, 0, 0, 0, -1, 0, 0, 0, Level.OK);
        Insight i = new Insight(d, Findings.evaluate(d));
        WeeklyReport w = new WeeklyReport(DAY, DAY.plusDays(1), ZoneId.of("UTC"), Thresholds.defaults(),
                List.of(day, next), day, day, List.of(), null, List.of(), List.of("x"), List.of());
        return w.withInsights(i, Arrays.asList(i, secondDayEvaluated ? i : null), List.of());
    }

    private static String markdown(WeeklyReport w) {
        StringWriter out = new StringWriter();
        WeeklyMarkdown.write(w, new PrintWriter(out));
        return out.toString();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(WeeklyReport w) throws Exception {
        StringWriter out = new StringWriter();
        WeeklyJson.write(w, out);
        return (Map<String, Object>) MiniJson.parse(out.toString());
    }

    private static String row(String md, String section, String label) {
        String part = md.substring(md.indexOf(section));
        return part.lines().filter(l -> l.startsWith("| " + label + " |")).findFirst().orElseThrow();
    }

    @Test
    void hikariLeakWarningsPoolMaxAndCheckoutsNotApplicable() throws Exception {
        Diagnosis d = Poolscope.defaults().analyze(List.of(FIXTURES.resolve("hikaricp/hikaricp.jsonl")));
        String md = markdown(report(d, false));
        // hikaricp.truth.json: 13 leak warnings, 5 "unleaked", 8 true leaks; maximumPoolSize 12 from the config dump
        String day = row(md, "## Pool libraries", "Sat 2026-12-05");
        assertThat(day).startsWith("| Sat 2026-12-05 | hikaricp | 13 | 5 | 8 | 12 | HikariCP configuration dump");
        assertThat(row(md, "## Pool libraries", "Sun 2026-12-06")).isEqualTo(
                "| Sun 2026-12-06 | n/a | n/a | n/a | n/a | n/a | n/a | n/a |");   // not evaluated that day
        assertThat(md).contains("Where the period's true leaks were borrowed:")
                .contains("8 from com\\.acme\\.orders\\.web\\.ExportController\\.exportCustomerOrders");
        // HikariCP logs no checkout: getconn, putconn and delta are n/a in the day table, never 0
        assertThat(row(md, "# Connection", "Sat 2026-12-05")).startsWith("| Sat 2026-12-05 | n/a | n/a | n/a |");
        assertThat(md).doesNotContain("## PostgreSQL server");

        Map<String, Object> json = json(report(d, false));
        Map<?, ?> monday = (Map<?, ?>) ((List<?>) json.get("days")).get(0);
        assertThat(monday.get("getconn")).isNull();
        Map<?, ?> lib = (Map<?, ?>) monday.get("library");
        assertThat(lib.get("leak_warnings")).isEqualTo(13L);
        assertThat(lib.get("returned_late")).isEqualTo(5L);
        assertThat(lib.get("true_leaks")).isEqualTo(8L);
        assertThat(lib.get("pool_max")).isEqualTo(12L);
        assertThat(((Map<?, ?>) ((List<?>) json.get("days")).get(1)).get("library")).isNull();
        assertThat(((List<?>) ((Map<?, ?>) json.get("library")).get("by_origin"))).hasSize(1);
    }

    @Test
    void sqlalchemyWithItsServerLogShowsKillsTimeoutsAndTheJoin() throws Exception {
        Diagnosis d = Poolscope.defaults().analyze(List.of(FIXTURES.resolve("sqlalchemy/sqlalchemy.jsonl"),
                FIXTURES.resolve("postgres-jsonlog/during-sqlalchemy.json")));
        WeeklyReport w = report(d, true);
        String md = markdown(w);
        // SQLAlchemy has no leak detection: its leak figures are n/a, not 0
        assertThat(row(md, "## Pool libraries", "Sat 2026-12-05")).startsWith("| Sat 2026-12-05 | sqlalchemy | n/a | n/a | n/a |");
        // postgres-jsonlog/README.md: 5 idle-in-transaction kills, 25 statement timeouts
        String server = row(md, "## PostgreSQL server", "**Period**");
        List<String> cells = Arrays.stream(server.split("\\|")).map(String::strip).toList();
        assertThat(cells.get(4)).isEqualTo("5");
        assertThat(cells.get(6)).isEqualTo("25");
        assertThat(md).contains("Server's view against the app's log (period):");
        Map<?, ?> s = (Map<?, ?>) json(w).get("server");
        assertThat(s.get("idle_in_transaction_kills")).isEqualTo(5L);
        assertThat(s.get("statement_timeouts")).isEqualTo(25L);
        assertThat(((Map<?, ?>) ((Map<?, ?>) s.get("join")).get("leaks")).get("server")).isEqualTo(6L);
        StringWriter html = new StringWriter();
        WeeklyHtml.write(w, html);
        assertThat(html.toString()).contains("<h2>PostgreSQL server</h2>").contains("<h2>Pool libraries</h2>")
                .contains("<h2>Findings</h2>").doesNotContain("{{");
    }
}
