package dev.poolscope.weekly;

import dev.poolscope.analysis.AnalysisOptions;
import dev.poolscope.analysis.InputSummary;
import dev.poolscope.analysis.Pass;
import dev.poolscope.analysis.Summary;
import dev.poolscope.analysis.SummaryAnalysis;
import dev.poolscope.event.PoolEvent;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.TreeMap;

/**
 * One read for the weekly report: the whole input's summary, as before, and beside it one summary per
 * calendar day of {@code zone}, each of that day's events alone, so that a day's findings are those
 * {@code analyze} would give on that day's log. An event without a time goes with the day of the event
 * before it (as the analysis itself dates it); those before any dated event are in the whole only.
 * Memory: one summary analysis per day with events, each bounded as a summary is.
 */
public final class DaySplit implements Pass<DaySplit.Result> {
    /** The whole input's summary and each day's. */
    public record Result(Summary whole, Map<LocalDate, Summary> days) {
        public Result {
            days = java.util.Collections.unmodifiableMap(new TreeMap<>(days));
        }
    }

    private final AnalysisOptions options;
    private final ZoneId zone;
    private final SummaryAnalysis whole;
    private final Map<LocalDate, SummaryAnalysis> days = new TreeMap<>();
    private long dayStart = Long.MAX_VALUE;
    private long dayEnd = Long.MIN_VALUE;
    private SummaryAnalysis current;

    public DaySplit(AnalysisOptions options, ZoneId zone) {
        this.options = options;
        this.zone = zone;
        this.whole = new SummaryAnalysis(options);
    }

    @Override
    public void accept(PoolEvent e) {
        whole.accept(e);
        if (e.hasTime() && (e.time() < dayStart || e.time() >= dayEnd)) {
            LocalDate day = Instant.ofEpochSecond(Math.floorDiv(e.time(), 1_000_000L)).atZone(zone).toLocalDate();
            dayStart = micros(day);
            dayEnd = micros(day.plusDays(1));
            current = days.computeIfAbsent(day, d -> new SummaryAnalysis(options));
        }
        if (current != null) {
            current.accept(e);
        }
    }

    private long micros(LocalDate day) {
        return day.atStartOfDay(zone).toEpochSecond() * 1_000_000L;
    }

    /** The whole keeps what the reader saw of the input; days keep only their events. */
    @Override
    public Result finish(InputSummary input) {
        Map<LocalDate, Summary> out = new TreeMap<>();
        days.forEach((day, a) -> out.put(day, a.finish(InputSummary.empty())));
        return new Result(whole.finish(input), out);
    }
}
