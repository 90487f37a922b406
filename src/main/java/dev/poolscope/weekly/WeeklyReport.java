package dev.poolscope.weekly;

import dev.poolscope.analysis.Thresholds;
import dev.poolscope.analysis.TimelineRow;
import java.time.LocalDate;
import java.time.ZoneId;
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
 */
public record WeeklyReport(LocalDate from, LocalDate to, ZoneId zone, Thresholds thresholds, List<DayFigures> days,
                           DayFigures totals, DayFigures worstDay, List<EndpointWeek> worstEndpoints,
                           DayFigures previous, List<TimelineRow> timeline, List<String> inputs, List<String> notes) {

    public WeeklyReport {
        days = List.copyOf(days);
        worstEndpoints = List.copyOf(worstEndpoints);
        timeline = List.copyOf(timeline);
        inputs = List.copyOf(inputs);
        notes = List.copyOf(notes);
    }
}
