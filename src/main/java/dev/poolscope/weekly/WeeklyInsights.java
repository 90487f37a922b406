package dev.poolscope.weekly;

import dev.poolscope.analysis.Diagnosis;
import dev.poolscope.event.PoolEvent;
import dev.poolscope.findings.FindingConfig;
import dev.poolscope.findings.Findings;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Adds to a weekly report what {@code analyze} shows besides the figures: findings, libraries, server. */
public final class WeeklyInsights {
    private WeeklyInsights() {}

    /**
     * @param whole the diagnosis of all the input read (the table's leaks are judged on it too)
     * @param days  each day's diagnosis, of that day's events alone; days missing here get none
     */
    public static WeeklyReport add(WeeklyReport w, Diagnosis whole, Map<LocalDate, Diagnosis> days,
                                   FindingConfig config) {
        return add(w, whole, days, config, "their events are only in a summary that spans several days "
                + "(summarise each day on its own to have them)");
    }

    /** @param whyMissing why a day with events may have no diagnosis of its own, for the note saying so */
    public static WeeklyReport add(WeeklyReport w, Diagnosis whole, Map<LocalDate, Diagnosis> days,
                                   FindingConfig config, String whyMissing) {
        Insight period = new Insight(whole, Findings.evaluate(whole, config));
        List<Insight> daily = new ArrayList<>();
        for (DayFigures d : w.days()) {
            Diagnosis day = days.get(d.date());
            daily.add(day == null || !d.hasData() ? null : new Insight(day, Findings.evaluate(day, config)));
        }
        List<String> notes = new ArrayList<>();
        LocalDate first = day(whole.counts().firstTime(), w);
        LocalDate last = day(whole.counts().lastTime(), w);
        if (first != null && (first.isBefore(w.from()) || last.isAfter(w.to()))) {
            notes.add("the period's findings, pool-library and server figures are over all the input read ("
                    + first + " to " + last + "), not only " + w.from() + " to " + w.to());
        }
        long missing = daily.stream().filter(i -> i == null).count()
                - w.days().stream().filter(d -> !d.hasData()).count();
        if (missing > 0) {
            notes.add(missing + " day(s) with events have no findings of their own: " + whyMissing);
        }
        return w.withInsights(period, daily, notes);
    }

    private static LocalDate day(long micros, WeeklyReport w) {
        return micros == PoolEvent.NO_TIME ? null
                : Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L)).atZone(w.zone()).toLocalDate();
    }
}
