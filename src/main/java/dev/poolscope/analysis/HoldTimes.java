package dev.poolscope.analysis;

import org.HdrHistogram.Histogram;

/**
 * Hold-time distribution in bounded memory: an HdrHistogram of microseconds with three significant
 * digits (percentiles within 0.1 %), which also merges exactly across files and days. The histogram
 * answers with the top of a value's bucket, so the exact maximum is kept beside it: it is reported as
 * is and caps the percentiles (a 3 s hold alone reads 3000 ms, not 3000.319).
 */
public final class HoldTimes {
    private static final int SIGNIFICANT_DIGITS = 3;

    private final Histogram histogram = new Histogram(SIGNIFICANT_DIGITS);
    private long max;

    /** Hold times read back from a stored histogram of microseconds and the exact maximum kept beside it. */
    public static HoldTimes of(Histogram stored, long maxMicros) {
        HoldTimes h = new HoldTimes();
        h.histogram.add(stored);
        h.max = maxMicros;
        return h;
    }

    /** The exact longest hold in microseconds (0 when none). */
    public long max() {
        return max;
    }

    public void record(long micros) {
        long v = Math.max(0, micros);
        histogram.recordValue(v);
        max = Math.max(max, v);
    }

    public void add(HoldTimes other) {
        histogram.add(other.histogram);
        max = Math.max(max, other.max);
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
        return new Percentiles(n, at(50), at(95), at(99), ms(max));
    }

    private double at(double percentile) {
        return ms(Math.min(histogram.getValueAtPercentile(percentile), max));
    }

    private static double ms(long micros) {
        return micros / 1000.0;
    }
}
