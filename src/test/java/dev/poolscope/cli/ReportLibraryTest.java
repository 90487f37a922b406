package dev.poolscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.poolscope.testing.CheckRun;
import dev.poolscope.testing.MiniJson;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code report} over a HikariCP log (issue #16): HikariCP logs no checkout, so getconn, putconn and the delta
 * are null, never 0; the dialect is named; the leak figures, which summaries do not carry yet, are null.
 */
class ReportLibraryTest {
    private static final String LOG = "src/test/resources/fixtures/hikaricp/hikaricp.jsonl";

    @Test
    void aHikariLogHasNoInventedCheckoutsInTheWeeklyReport() throws Exception {
        CheckRun r = CheckRun.run("report", LOG, "--format", "json");
        assertThat(r.exit()).as(r.err()).isZero();
        Map<?, ?> json = (Map<?, ?>) MiniJson.parse(r.out());
        Map<?, ?> day = (Map<?, ?>) ((List<?>) json.get("days")).get(0);
        assertThat(day.get("getconn")).isNull();
        assertThat(day.get("putconn")).isNull();
        assertThat(day.get("leak_delta")).isNull();
        assertThat(((Map<?, ?>) json.get("totals")).get("getconn")).isNull();
        // hikaricp.truth.json: 30 connection timeouts are failed getconns, 27 statement timeouts
        assertThat(day.get("getconn_failed")).isEqualTo(30L);
        assertThat(day.get("statement_timeouts")).isEqualTo(27L);
        Map<?, ?> lib = (Map<?, ?>) json.get("library");
        assertThat(lib.get("dialects")).isEqualTo("hikaricp");
        // hikaricp.truth.json leak_detection: 13 warnings logged, 5 unleaked, 8 true leaks (carried by the summary)
        assertThat(lib.get("leak_warnings")).isEqualTo(13L);
        assertThat(lib.get("returned_late")).isEqualTo(5L);
        assertThat(lib.get("true_leaks")).isEqualTo(8L);

        CheckRun md = CheckRun.run("report", LOG);
        assertThat(md.out()).contains("| Sat 2026-12-05 | n/a | n/a | n/a |").contains("## Pool libraries");
    }
}
