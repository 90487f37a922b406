package dev.poolscope.report.chart;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Ticks of a UTC time axis: the smallest round step (1 ms … 1 week) that gives at most {@value #MAX}
 * intervals, ticks on multiples of it since the epoch (so 10:00:00, 10:00:05, …), labelled with as much
 * of the time as the step needs. Computed by hand, not with java.time formatters: the calendar of one
 * day is simple arithmetic in UTC.
 */
final class TimeTicks {
    static final int MAX = 12;
    private static final long MS = 1_000L;
    private static final long S = 1_000_000L;
    private static final long MIN = 60 * S;
    private static final long H = 60 * MIN;
    static final long DAY = 24 * H;
    private static final long[] STEPS = {MS, 2 * MS, 5 * MS, 10 * MS, 20 * MS, 50 * MS, 100 * MS, 200 * MS, 500 * MS,
        S, 2 * S, 5 * S, 10 * S, 15 * S, 30 * S, MIN, 2 * MIN, 5 * MIN, 10 * MIN, 15 * MIN, 30 * MIN,
        H, 2 * H, 3 * H, 6 * H, 12 * H, DAY, 2 * DAY, 7 * DAY};

    private TimeTicks() {}

    /** Ticks between lo and hi (microseconds since the epoch, UTC), both included when on a step. */
    static List<Scale.Tick> of(long lo, long hi) {
        long step = step(hi - lo);
        boolean days = Math.floorDiv(lo, DAY) != Math.floorDiv(hi, DAY);
        List<Scale.Tick> ticks = new ArrayList<>();
        for (long t = Math.floorDiv(lo + step - 1, step) * step; t <= hi; t += step) {
            ticks.add(new Scale.Tick(t, label(t, step, days)));
        }
        return ticks;
    }

    static long step(long span) {
        for (long s : STEPS) {
            if (span <= s * MAX) {
                return s;
            }
        }
        long weeks = STEPS[STEPS.length - 1];
        return weeks * ((span + weeks * MAX - 1) / (weeks * MAX));
    }

    /**
     * "HH:mm:ss.SSS" under a second, "HH:mm:ss" under a minute, "HH:mm" under a day, with "MM-dd " in front
     * when the axis crosses midnight; the date alone for steps of days.
     */
    static String label(long t, long step, boolean days) {
        long day = Math.floorDiv(t, DAY);
        if (step >= DAY) {
            return LocalDate.ofEpochDay(day).toString();
        }
        long inDay = t - day * DAY;
        StringBuilder s = new StringBuilder(18);
        if (days) {
            String date = LocalDate.ofEpochDay(day).toString();
            s.append(date, date.length() - 5, date.length()).append(' ');
        }
        two(s, inDay / H).append(':');
        two(s, inDay / MIN % 60);
        if (step < MIN) {
            two(s.append(':'), inDay / S % 60);
        }
        if (step < S) {
            long ms = inDay / MS % 1000;
            s.append('.').append(ms < 100 ? "0" : "").append(ms < 10 ? "0" : "").append(ms);
        }
        return s.toString();
    }

    /** The UTC date of an instant, for the axis label: "2026-01-01". */
    static String date(long t) {
        return LocalDate.ofEpochDay(Math.floorDiv(t, DAY)).toString();
    }

    private static StringBuilder two(StringBuilder s, long v) {
        return s.append(v < 10 ? "0" : "").append(v);
    }
}
