package dev.poolscope.analysis;

import org.HdrHistogram.Histogram;

/**
 * Hold-time distribution in bounded memory: an HdrHistogram of microseconds with three significant
 * digits (percentiles within 0.1 %), which also merges exactly across files and days.
 */
public final class HoldTimes {
    private static final int SIGNIFICANT_DIGITS = 3;

    private final Histogram histogram = new Histogram(SIGNIFICANT_DIGITS);

    /** Hold times read back from a stored histogram of microseconds. */
    public static HoldTimes of(Histogram stored) {
        HoldTimes h = new HoldTimes();
        h.histogram.add(stored);
        return h;
    }

    public void record(long micros) {
        histogram.recordValue(Math.max(0, micros));
    }

    public void add(HoldTimes other) {
        histogram.add(other.histogram);
    }

    public HoldTimes copy() {
        HoldTimes c = new HoldTimes();
        c.add(this);
        return c;
    }

    /** The underlying histogram, for serialisation; callers must not modify it. */
    public Histogram histogram() {
        return histogram;
    }

    public Percentiles percentiles() {
        long n = histogram.getTotalCount();
        if (n == 0) {
            return Percentiles.none();
        }
        return new Percentiles(n, ms(histogram.getValueAtPercentile(50)), ms(histogram.getValueAtPercentile(95)),
                ms(histogram.getValueAtPercentile(99)), ms(histogram.getMaxValue()));
    }

    private static double ms(long micros) {
        return micros / 1000.0;
    }
}
