package dev.poolscope.weekly;

import dev.poolscope.analysis.Thresholds;
import dev.poolscope.analysis.TimelineRow;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The weekly health review of issue #5: one row per day of {@code [from, to]} in {@code zone}, the totals,
 * the worst day and endpoints, and the same totals for the previous period when it was given.
 *
 * @param worstDay  the day with the worst verdict (ties: most failed getconns, then requests without close,
 *                  minutes above critical, timeouts; then the earlier day), or null when no day has data
 * @param previous  totals of the equally long period just before {@code from}, or null when not given
 * @param timeline  the range's minutes, for the usage chart
 * @param notes     where figures from merged summaries may differ from one pass (docs/summaries.md)
 * @param period    findings, libraries and server over the whole input, or null when not evaluated
 * @param daily     the same per day, in the order of {@code days}; an element is null when that day's
 *                  findings could not be evaluated (no events, or only inside a summary spanning days)
 */
public record WeeklyReport(LocalDate from, LocalDate to, ZoneId zone, Thresholds thresholds, List<DayFigures> days,
                           DayFigures totals, DayFigures worstDay, List<EndpointWeek> worstEndpoints,
                           DayFigures previous, List<TimelineRow> timeline, List<String> inputs, List<String> notes,
                           Insight period, List<Insight> daily) {

    public WeeklyReport {
        days = List.copyOf(days);
        worstEndpoints = List.copyOf(worstEndpoints);
        timeline = List.copyOf(timeline);
        inputs = List.copyOf(inputs);
        notes = List.copyOf(notes);
        List<Insight> d = new ArrayList<>(daily == null ? Collections.nCopies(days.size(), null) : daily);
        if (d.size() != days.size()) {
            throw new IllegalArgumentException(d.size() + " daily insights for " + days.size() + " days");
        }
        daily = Collections.unmodifiableList(d);
    }

    /** A report without findings, libraries or server figures (the table alone). */
    public WeeklyReport(LocalDate from, LocalDate to, ZoneId zone, Thresholds thresholds, List<DayFigures> days,
                        DayFigures totals, DayFigures worstDay, List<EndpointWeek> worstEndpoints,
                        DayFigures previous, List<TimelineRow> timeline, List<String> inputs, List<String> notes) {
        this(from, to, zone, thresholds, days, totals, worstDay, worstEndpoints, previous, timeline, inputs, notes,
                null, null);
    }

    /** This report with its findings, libraries and server figures. */
    public WeeklyReport withInsights(Insight period, List<Insight> daily, List<String> moreNotes) {
        List<String> all = new ArrayList<>(notes);
        all.addAll(moreNotes);
        return new WeeklyReport(from, to, zone, thresholds, days, totals, worstDay, worstEndpoints, previous, timeline,
                inputs, all, period, daily);
    }

    /** Whether getconn and putconn are known: false when only HikariCP, which logs no checkout, was read. */
    public boolean checkoutsLogged() {
        return period == null || period.checkoutsLogged();
    }
}
