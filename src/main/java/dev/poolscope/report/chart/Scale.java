package dev.poolscope.report.chart;

import java.util.ArrayList;
import java.util.List;

/**
 * Maps data values in [lo, hi] to pixels in [from, to] (to &lt; from for a vertical axis, whose pixels
 * grow downwards), linearly or, for {@link #log}, linearly in log10 of the value. Knows its ticks.
 */
record Scale(double lo, double hi, double from, double to, boolean log, List<Tick> ticks) {

    /** A tick: where (in data units) and what it says. */
    record Tick(double value, String label) {}

    double at(double v) {
        if (log) {
            double l = Math.log10(lo);
            return from + (Math.log10(v) - l) / (Math.log10(hi) - l) * (to - from);
        }
        return from + (v - lo) / (hi - lo) * (to - from);
    }

    /**
     * A count axis from {@code min} to {@code max} (both included), widened to whole ticks of a 1, 2 or 5
     * times a power of ten step, integers only, about {@code target} intervals or fewer. An empty range
     * becomes [min, min + 1]; a maximum on a tick gets one more step above it so that the data and a
     * threshold line there do not sit on the frame.
     */
    static Scale counts(double min, double max, double from, double to, int target) {
        double lo = Math.min(min, max);
        double hi = Math.max(max, lo + 1);
        double step = step((hi - lo) / target);
        double first = Math.floor(lo / step) * step;
        double last = Math.ceil(hi / step) * step;
        if (last == hi && hi > 0) {
            last += step;
        }
        List<Tick> ticks = new ArrayList<>();
        for (long i = 0; first + i * step <= last + step / 2; i++) {
            long v = Math.round(first + i * step);
            ticks.add(new Tick(v, Long.toString(v)));
        }
        return new Scale(first, last, from, to, false, ticks);
    }

    /** The smallest of 1, 2, 5 × 10^k (k ≥ 0: counts are whole) that is at least {@code raw}. */
    static double step(double raw) {
        double magnitude = Math.pow(10, Math.max(0, Math.floor(Math.log10(Math.max(raw, 1)))));
        for (int m : new int[] {1, 2, 5}) {
            if (m * magnitude >= raw - 1e-9) {
                return m * magnitude;
            }
        }
        return 10 * magnitude;
    }

    /**
     * A log axis over whole decades 10^loExp … 10^hiExp (at least one), a tick on each power of ten,
     * labelled as a plain decimal: 0.001, 0.1, 1, 1000.
     */
    static Scale decades(int loExp, int hiExp, double from, double to) {
        int top = Math.max(hiExp, loExp + 1);
        List<Tick> ticks = new ArrayList<>();
        for (int e = loExp; e <= top; e++) {
            ticks.add(new Tick(Math.pow(10, e), power(e)));
        }
        return new Scale(Math.pow(10, loExp), Math.pow(10, top), from, to, true, ticks);
    }

    /** 10^e written out: "1000", "1", "0.01". */
    static String power(int e) {
        if (e >= 0) {
            return "1" + "0".repeat(e);
        }
        return "0." + "0".repeat(-e - 1) + "1";
    }

    /** A time axis (microseconds) with the ticks {@link TimeTicks} chose. */
    static Scale time(long lo, long hi, double from, double to) {
        long top = hi > lo ? hi : lo + 1_000_000L;
        return new Scale(lo, top, from, to, false, TimeTicks.of(lo, top));
    }
}
