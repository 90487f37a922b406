package dev.poolscope.report.weekly;

import static org.assertj.core.api.Assertions.assertThat;

import dev.poolscope.analysis.Level;
import dev.poolscope.analysis.Thresholds;
import dev.poolscope.analysis.TimelineRow;
import dev.poolscope.weekly.DayFigures;
import dev.poolscope.weekly.EndpointWeek;
import dev.poolscope.weekly.WeeklyReport;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.jfree.data.time.TimeSeries;
import org.junit.jupiter.api.Test;

/** The weekly writers: hostile endpoint names stay inert, charts draw the report's own figures. */
class WeeklyOutputTest {
    private static final String HOSTILE = "GET /x/<script>alert(1)</script>|*bold*[link](javascript:x)\u001b[2J";
    private static final LocalDate MONDAY = LocalDate.of(2026, 1, 5);
    private static final long MONDAY_9AM = 1_767_603_600_000_000L;   // 2026-01-05T09:00:00Z

    private static DayFigures day(int offset, long leaked, long timeouts, int peak, Level verdict) {
        return new DayFigures(MONDAY.plusDays(offset), true, 100, 100 - leaked, leaked, leaked, peak, 0, 0, timeouts,
                verdict);
    }

    private static WeeklyReport report() {
        List<DayFigures> days = List.of(day(0, 0, 0, 5, Level.OK), day(1, 3, 7, 75, Level.CRITICAL));
        List<TimelineRow> minutes = List.of(
                new TimelineRow(MONDAY_9AM, 1, 1, 0, 0, 0, 5, 0, Map.of()),
                new TimelineRow(MONDAY_9AM + 60_000_000L, 1, 1, 0, 0, 0, 4, 0, Map.of()),
                new TimelineRow(MONDAY_9AM + 86_400_000_000L, 1, 0, 0, 0, 7, 75, 0, Map.of(HOSTILE, 7L)));
        return new WeeklyReport(MONDAY, MONDAY.plusDays(1), ZoneId.of("UTC"), Thresholds.defaults(), days,
                day(0, 3, 7, 75, Level.CRITICAL), days.get(1), List.of(new EndpointWeek(HOSTILE, 3, 3, 7)), null,
                minutes, List.of("logs/app.jsonl"), List.of("note about " + HOSTILE));
    }

    @Test
    void htmlEscapesEverythingTheLogSupplied() throws Exception {
        StringWriter out = new StringWriter();
        WeeklyHtml.write(report(), out);
        String html = out.toString();
        assertThat(html).doesNotContain("<script>").doesNotContain("\u001b")
                .contains("GET /x/&lt;script&gt;alert(1)&lt;/script&gt;|*bold*[link](javascript:x)\uFFFD[2J");
        assertThat(html).doesNotContain("{{");   // every placeholder filled
        assertThat(html.split("data:image/png;base64,", -1)).hasSize(4);   // three embedded charts
    }

    @Test
    void markdownEscapesTableBreakersAndMarkup() {
        StringWriter out = new StringWriter();
        WeeklyMarkdown.write(report(), new PrintWriter(out));
        String md = out.toString();
        String row = md.lines().filter(l -> l.contains("script")).filter(l -> l.startsWith("| ")).findFirst().orElseThrow();
        assertThat(row).contains("\\<script\\>").contains("\\|\\*bold\\*\\[link\\]").doesNotContain("\u001b");
        // the endpoint's own pipe is escaped, so the row still has exactly the table's 5 separators
        assertThat(row.replace("\\|", "").chars().filter(c -> c == '|').count()).isEqualTo(5);
    }

    @Test
    void chartsDrawTheReportsFigures() {
        WeeklyReport w = report();
        var problems = WeeklyCharts.problemsPerDay(w);
        assertThat(problems.getValue("requests without close", "2026-01-06").longValue()).isEqualTo(3L);
        assertThat(problems.getValue("statement timeouts", "2026-01-06").longValue()).isEqualTo(7L);
        assertThat(WeeklyCharts.peakPerDay(w).getValue("peak pool used", "2026-01-05").intValue()).isEqualTo(5);
        TimeSeries usage = WeeklyCharts.usage(w).getSeries(0);
        // two minutes of Monday fall in one quarter hour (max 5); a gap, then Tuesday's 75
        assertThat(usage.getItemCount()).isEqualTo(3);
        assertThat(usage.getValue(0).intValue()).isEqualTo(5);
        assertThat(usage.getValue(1)).isNull();
        assertThat(usage.getValue(2).intValue()).isEqualTo(75);
    }
}
