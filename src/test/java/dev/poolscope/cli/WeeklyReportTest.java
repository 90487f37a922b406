package dev.poolscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.poolscope.sample.Truth;
import dev.poolscope.sample.WeekSamples;
import dev.poolscope.testing.MiniJson;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The weekly report over a generated week of rotated logs (issue #5), checked day by day against the
 * generator's own truth, not against poolscope's output.
 */
class WeeklyReportTest {
    @TempDir
    static Path dir;
    static Path week;
    static List<Truth> truths;

    @BeforeAll
    static void generate() throws Exception {
        week = dir.resolve("week");
        truths = WeekSamples.write(week, 300);
    }

    record Run(int code, String out, String err) {}

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = PoolscopeCommand.commandLine(new PrintWriter(out), new PrintWriter(err)).execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> json(Run r) throws Exception {
        assertThat(r.code).as(r.err).isZero();
        return (Map<String, Object>) MiniJson.parse(r.out);
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> days(Map<String, Object> report) {
        return (List<Map<String, Object>>) report.get("days");
    }

    @Test
    void eachDayMatchesTheGeneratorsTruth() throws Exception {
        Map<String, Object> report = json(run("report", week.toString(), "--from", "2026-01-05", "--to", "2026-01-11",
                "--format", "json"));
        List<Map<String, Object>> days = days(report);
        assertThat(days).hasSize(7);
        for (int i = 0; i < 7; i++) {
            Truth t = truths.get(i);
            Map<String, Object> d = days.get(i);
            String day = WeekSamples.WEEK.get(i).date().toString();
            assertThat(d.get("date")).isEqualTo(day);
            assertThat(d.get("getconn")).as(day).isEqualTo(t.getconn());
            assertThat(d.get("putconn")).as(day).isEqualTo(t.putconn());
            assertThat(d.get("leak_delta")).as(day).isEqualTo(t.leakDelta());
            assertThat(d.get("requests_without_close")).as(day).isEqualTo(t.requestsWithoutClose());
            assertThat(d.get("leaked_checkouts")).as(day).isEqualTo(t.leakedCheckouts());
            assertThat(d.get("getconn_failed")).as(day).isEqualTo(t.getconnFailed());
            assertThat(d.get("statement_timeouts")).as(day).isEqualTo(t.statementTimeoutEvents());
            assertThat(d.get("peak_used")).as(day).isEqualTo((long) Collections.max(t.poolUsedMax().values()));
            assertThat(d.get("minutes_above_critical")).as(day).isEqualTo(minutesAbove(t));
        }
        Map<?, ?> totals = (Map<?, ?>) report.get("totals");
        assertThat(totals.get("getconn")).isEqualTo(truths.stream().mapToLong(Truth::getconn).sum());
        assertThat(totals.get("requests_without_close")).isEqualTo(truths.stream().mapToLong(Truth::requestsWithoutClose).sum());
        assertThat(totals.get("verdict")).isEqualTo("critical");
        // Wednesday is the incident: the pool refused checkouts that day only
        assertThat(report.get("worst_day")).isEqualTo("2026-01-07");
        assertThat(truths.get(2).getconnFailed()).isPositive();
        assertThat(days.get(0).get("verdict")).isEqualTo("ok");
    }

    /** Truth intervals run from the first line above 70 to the first line back at or below, or the last above (Truth.Interval). */
    private static BigDecimal minutesAbove(Truth t) {
        long micros = 0;
        for (List<Truth.Interval> intervals : t.nearExhaustion().values()) {
            for (Truth.Interval in : intervals) {
                Instant end = Instant.parse(in.end() != null ? in.end() : in.lastAbove());
                micros += Duration.between(Instant.parse(in.start()), end).toNanos() / 1000;
            }
        }
        return BigDecimal.valueOf(micros).divide(BigDecimal.valueOf(60_000_000L), 2, RoundingMode.HALF_UP);
    }

    @Test
    void dailySummariesMergedGiveTheSameReportAsTheLogs() throws Exception {
        List<String> psums = new ArrayList<>();
        for (WeekSamples.Day day : WeekSamples.WEEK) {
            Path psum = dir.resolve("psum/day-" + day.date() + ".psum");
            Run r = run("analyze", week.resolve(day.fileName()).toString(), "--summary", psum.toString(),
                    "--format", "json", "-o", dir.resolve("psum/day-" + day.date() + ".json").toString());
            assertThat(r.code).as(r.err).isZero();
            psums.add(psum.toString());
        }
        Collections.reverse(psums);   // merge orders them by time whatever order they are named in
        Path merged = dir.resolve("week.psum");
        List<String> mergeArgs = new ArrayList<>(List.of("merge", "-o", merged.toString()));
        mergeArgs.addAll(psums);
        Run m = run(mergeArgs.toArray(String[]::new));
        assertThat(m.code).as(m.err).isZero();

        String fromLogs = run("report", week.toString(), "--format", "json").out;
        String fromMerged = run("report", merged.toString(), "--format", "json").out;
        String fromDaily = run("report", dir.resolve("psum").toString(), "--from", "2026-01-05", "--format", "json").out;
        // daily summaries are each one day: the same report, each day's findings included
        assertThat(withoutInputs(fromDaily)).isEqualTo(withoutInputs(fromLogs));
        // one summary of the whole week cannot be split by day: the same figures and period findings, and each
        // day's findings are null (not evaluated), with a note saying why
        Map<String, Object> logs = json(new Run(0, fromLogs, ""));
        Map<String, Object> week = json(new Run(0, fromMerged, ""));
        assertThat(week.get("findings")).isEqualTo(logs.get("findings"));
        assertThat(week.get("totals")).isEqualTo(logs.get("totals"));
        assertThat(week.get("worst_endpoints")).isEqualTo(logs.get("worst_endpoints"));
        for (int i = 0; i < 7; i++) {
            Map<String, Object> fromWeek = new java.util.HashMap<>(days(week).get(i));
            Map<String, Object> fromDay = new java.util.HashMap<>(days(logs).get(i));
            assertThat(fromWeek.remove("findings")).isNull();
            assertThat(fromDay.remove("findings")).isNotNull();
            assertThat(fromWeek).isEqualTo(fromDay);
        }
        assertThat(String.valueOf(week.get("notes"))).contains(("7 day(s) with events have no findings of their own: their "
                + "events are only in a summary that spans several days (summarise each day on its own to have them)"));

        // the week's merge next to its days would count every day twice: refused
        Files.copy(merged, dir.resolve("psum/week.psum"));
        Run twice = run("report", dir.resolve("psum").toString());
        assertThat(twice.code).isEqualTo(3);
        assertThat(twice.err).contains("would count it twice");
        Files.delete(dir.resolve("psum/week.psum"));
    }

    private static String withoutInputs(String report) {
        return report.replaceAll("(?s)\"inputs\" : \\[.*?\\],", "");
    }

    /** The severity of finding {@code id} among a day's {@code findings}, or null when it did not fire. */
    private static String severity(Object findings, String id) {
        for (Object f : (List<?>) findings) {
            Map<?, ?> m = (Map<?, ?>) f;
            if (m.get("id").equals(id)) {
                return (String) m.get("severity");
            }
        }
        return null;
    }

    /** Issue #17: each day's findings, from the checkouts a summary carries, follow that day's truth. */
    @Test
    void findingsPerDayFollowTheGeneratorsTruth() throws Exception {
        Map<String, Object> report = json(run("report", week.toString(), "--format", "json"));
        for (int i = 0; i < 7; i++) {
            Truth t = truths.get(i);
            Object findings = days(report).get(i).get("findings");
            String day = WeekSamples.WEEK.get(i).date().toString();
            // docs/findings.md defaults: 3 leaks fire route-leaks, 10 make it critical
            String leaks = t.leakedCheckouts() >= 10 ? "critical" : t.leakedCheckouts() >= 3 ? "warning" : null;
            assertThat(severity(findings, "route-leaks-connections")).as(day).isEqualTo(leaks);
            // one timed-out request that kept its connection fires it, 10 make it critical
            long kept = t.timeoutRequestsLeftConnectionOpen();
            assertThat(severity(findings, "timeout-left-connection-open")).as(day)
                    .isEqualTo(kept >= 10 ? "critical" : kept >= 1 ? "warning" : null);
            boolean exhausted = severity(findings, "pool-exhausted-by-leaks") != null
                    || severity(findings, "pool-exhausted-by-load") != null;
            assertThat(exhausted).as(day).isEqualTo(t.getconnFailed() + t.exhaustionErrors() > 0);
        }
        // the healthy Monday has none at all, the incident Wednesday is critical for its leaks
        assertThat((List<?>) days(report).get(0).get("findings")).isEmpty();
        assertThat(truths.get(2).leakedCheckouts()).isGreaterThanOrEqualTo(10);
        // the period's findings are the full objects of analyze's JSON
        @SuppressWarnings("unchecked") Map<String, Object> first = (Map<String, Object>) ((List<?>) report.get("findings")).get(0);
        assertThat(first.get("severity")).isEqualTo("critical");
        assertThat(first.keySet()).contains("evidence", "examples", "advice", "doc");
        assertThat(report.get("library")).isNull();
        assertThat(report.get("server")).isNull();
    }

    @Test
    void markdownAndHtmlShowTheFindingsOfThePeriodAndADayGrid() throws Exception {
        Path html = dir.resolve("findings.html");
        Run r = run("report", week.toString(), "--html", html.toString(), "--force");
        assertThat(r.code).as(r.err).isZero();
        assertThat(r.out).contains("## Findings").contains("(route\\-leaks\\-connections)")
                .contains("| Finding | Mon 5 | Tue 6 | Wed 7 | Thu 8 | Fri 9 | Sat 10 | Sun 11 | Period |")
                .doesNotContain("## Pool libraries").doesNotContain("## PostgreSQL server");
        String wed = r.out.lines().filter(l -> l.startsWith("| route\\-leaks\\-connections |")).findFirst().orElseThrow();
        assertThat(wed.split("\\|")[4].strip()).isEqualTo("🔴");   // Wednesday's column
        assertThat(wed.split("\\|")[2].strip()).isEmpty();          // Monday's
        assertThat(Files.readString(html)).contains("<h2>Findings</h2>").contains("<table class=\"grid\">")
                .contains("<td class=\"critical\">critical</td>");
    }

    @Test
    void previousPeriodIsTheEquallyLongStretchBeforeFrom() throws Exception {
        Map<String, Object> report = json(run("report", week.toString(), "--from", "2026-01-08", "--to", "2026-01-11",
                "--previous", week.toString(), "--format", "json"));
        Map<?, ?> previous = (Map<?, ?>) report.get("previous");
        assertThat(previous.get("from")).isEqualTo("2026-01-04");
        long mondayToWednesday = truths.subList(0, 3).stream().mapToLong(Truth::getconn).sum();
        assertThat(previous.get("getconn")).isEqualTo(mondayToWednesday);
        long thursdayToSunday = truths.subList(3, 7).stream().mapToLong(Truth::getconn).sum();
        assertThat(((Map<?, ?>) report.get("change")).get("getconn")).isEqualTo(thursdayToSunday - mondayToWednesday);
    }

    @Test
    void daysAreCalendarDaysOfTheTimezone() throws Exception {
        // 09:00 UTC is 23:00 the day before in Honolulu (UTC-10)
        Map<String, Object> report = json(run("report", week.toString(), "--timezone", "Pacific/Honolulu",
                "--format", "json"));
        assertThat(report.get("from")).isEqualTo("2026-01-04");
        Map<String, Object> sunday = days(report).get(0);
        assertThat(sunday.get("date")).isEqualTo("2026-01-04");
        assertThat(sunday.get("getconn")).isEqualTo(truths.get(0).getconn());
    }

    @Test
    void markdownHasOneRowPerDayTotalsAndEscapedEndpoints() {
        Run r = run("report", week.toString(), "--from", "2026-01-05", "--to", "2026-01-11");
        assertThat(r.code).as(r.err).isZero();
        assertThat(r.out).startsWith("# Connection-pool health 2026-01-05 to 2026-01-11 (UTC)");
        assertThat(r.out.lines().filter(l -> l.startsWith("| Mon 2026-01-05 | ")
                || l.matches("\\| \\w{3} 2026-01-\\d\\d \\| .*"))).hasSize(7);
        assertThat(r.out).contains("| **Total** | ").contains("## Worst endpoints")
                .contains("| POST /api/ingest |").contains("/api/projects/\\{id\\}");
    }

    @Test
    void htmlIsWrittenBesideTheReportAndNotOverwrittenWithoutForce() throws Exception {
        Path html = dir.resolve("week.html");
        Run r = run("report", week.toString(), "--html", html.toString(), "--format", "json");
        assertThat(r.code).as(r.err).isZero();
        assertThat(Files.readString(html)).startsWith("<!DOCTYPE html>").contains("Connection-pool health 2026-01-05")
                .contains("<img alt=\"peak pool used per day against the thresholds\"");
        Run again = run("report", week.toString(), "--html", html.toString());
        assertThat(again.code).isEqualTo(2);
        assertThat(again.err).contains("pass --force");
    }

    @Test
    void aDayWithoutLogsSaysSo() throws Exception {
        Map<String, Object> report = json(run("report", week.toString(), "--from", "2026-01-11", "--to", "2026-01-12",
                "--format", "json"));
        Map<String, Object> monday = days(report).get(1);
        assertThat(monday.get("date")).isEqualTo(LocalDate.of(2026, 1, 12).toString());
        assertThat(monday.get("verdict")).isNull();
        assertThat(monday.get("peak_used")).isNull();
    }

    @Test
    void badRangesAndZonesAreUsageErrors() throws Exception {
        assertThat(run("report", week.toString(), "--from", "2026-01-11", "--to", "2026-01-05").code).isEqualTo(2);
        assertThat(run("report", week.toString(), "--timezone", "Mars/Olympus").code).isEqualTo(2);
        assertThat(run("report", week.toString(), "--from", "yesterday").code).isEqualTo(2);
        Path notSummary = Files.writeString(dir.resolve("bad.psum"), "{\"format\": \"other\"}");
        Run r = run("report", notSummary.toString());
        assertThat(r.code).isEqualTo(3);
        assertThat(r.err).contains("bad.psum").contains("not a poolscope summary");
    }
}
