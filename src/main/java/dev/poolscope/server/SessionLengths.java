package dev.poolscope.server;

import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * How long sessions lived, from the {@code disconnection: session time} lines: a histogram of milliseconds
 * (percentiles within 0.1 %) and counts in fixed bands for a readable distribution.
 */
public final class SessionLengths {
    /** Upper bounds (exclusive) of the bands, in milliseconds; the last band is open. */
    private static final long[] BOUNDS = {1_000, 10_000, 60_000, 600_000, 3_600_000};
    private static final String[] LABELS = {"< 1 s", "1-10 s", "10 s-1 min", "1-10 min", "10 min-1 h", ">= 1 h"};

    private final Histogram histogram = new Histogram(3);
    private final long[] bands = new long[LABELS.length];
    private long max;

    /** Lengths as a summary stored them (docs/summaries.md). */
    public static SessionLengths of(Histogram histogram, long[] bands, long max) {
        SessionLengths s = new SessionLengths();
        s.histogram.add(histogram);
        System.arraycopy(bands, 0, s.bands, 0, Math.min(bands.length, s.bands.length));
        s.max = max;
        return s;
    }

    /** Both sets of sessions. */
    public SessionLengths plus(SessionLengths other) {
        SessionLengths s = of(histogram, bands, Math.max(max, other.max));
        s.histogram.add(other.histogram);
        for (int i = 0; i < bands.length; i++) {
            s.bands[i] += other.bands[i];
        }
        return s;
    }

    /** A copy of the histogram of milliseconds, for a summary. */
    public Histogram histogram() {
        return histogram.copy();
    }

    void record(long millis) {
        long v = Math.max(0, millis);
        histogram.recordValue(v);
        max = Math.max(max, v);
        int i = 0;
        while (i < BOUNDS.length && v >= BOUNDS[i]) {
            i++;
        }
        bands[i]++;
    }

    public long count() {
        return histogram.getTotalCount();
    }

    /** Percentile in milliseconds, capped by the exact maximum. */
    public long percentile(double p) {
        return count() == 0 ? 0 : Math.min(histogram.getValueAtPercentile(p), max);
    }

    public long maxMillis() {
        return max;
    }

    public record Band(String label, long sessions) {}

    public List<Band> bands() {
        List<Band> out = new ArrayList<>();
        for (int i = 0; i < LABELS.length; i++) {
            out.add(new Band(LABELS[i], bands[i]));
        }
        return out;
    }
}
