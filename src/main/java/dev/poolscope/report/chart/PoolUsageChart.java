package dev.poolscope.report.chart;

import dev.poolscope.analysis.Diagnosis;
import dev.poolscope.analysis.Threshold;
import dev.poolscope.analysis.TimelineBucket;
import dev.poolscope.analysis.Window;
import java.util.List;

/**
 * The main chart ({@code --chart FILE} draws it alone): pool used and open
 * checkouts per bucket against the pool size and the health thresholds, near-exhaustion windows shaded,
 * failed getconns (squares) and statement timeouts (circles) per bucket on a second axis at the right.
 * The left axis always reaches the threshold lines, so a quiet pool shows how far below them it stayed.
 */
final class PoolUsageChart {
    static final String TITLE = "Pool usage over time";
    static final String USED = "pool used (max per bucket)";
    static final String OPEN = "open checkouts (max per bucket)";
    static final String FAILED = "failed getconn";
    static final String TIMEOUTS = "statement timeouts";
    private static final double MARK = 4;

    private PoolUsageChart() {}

    static void draw(Surface s, Diagnosis d) {
        List<TimelineBucket> buckets = d.timeline().buckets();
        ChartCanvas c = new ChartCanvas(s, TITLE, ChartCanvas.LEFT, ChartCanvas.RIGHT_WITH_AXIS);
        if (buckets.isEmpty()) {
            c.noData("no timestamped events");
            return;
        }
        int n = buckets.size();
        long[] times = new long[n];
        long[] used = new long[n];
        long[] open = new long[n];
        long top = levelsTop(d);
        long events = 0;
        long lastUsed = ChartCanvas.MISSING;
        long lastOpen = ChartCanvas.MISSING;
        for (int i = 0; i < n; i++) {
            TimelineBucket b = buckets.get(i);
            times[i] = b.start();
            // A bucket without a value repeats the previous one: with no event in it, nothing was taken or returned.
            lastUsed = b.poolUsedMax() < 0 ? lastUsed : b.poolUsedMax();
            lastOpen = b.openCheckoutsMax() < 0 ? lastOpen : b.openCheckoutsMax();
            used[i] = lastUsed;
            open[i] = lastOpen;
            top = Math.max(top, Math.max(lastUsed, lastOpen));
            events = Math.max(events, Math.max(b.getconnFailed(), b.statementTimeouts()));
        }
        Scale x = Scale.time(times[0], times[n - 1] + d.timeline().bucketMicros(), c.left, c.right);
        Scale y = Scale.counts(0, top, ChartCanvas.BOTTOM, ChartCanvas.TOP, 8);
        Scale right = Scale.counts(0, events, ChartCanvas.BOTTOM, ChartCanvas.TOP, 8);
        windows(c, d, x);
        c.xAxis(x, "time (UTC, " + TimeTicks.date(times[0]) + ")");
        c.yAxis(y, "connections", false);
        c.yAxis(right, "events per bucket", true);
        levels(c, d, y);
        // Open checkouts under pool used: the two often coincide, and pool used is the
        // figure the thresholds are about.
        c.series(OPEN, ChartColours.OPEN, 1.5, times, open, x, y);
        c.series(USED, ChartColours.USED, 2, times, used, x, y);
        points(c, buckets, x, right);
        c.frame(true);
        c.legend(List.of(new ChartCanvas.Key(USED, ChartColours.USED, ChartCanvas.Mark.LINE),
                new ChartCanvas.Key(OPEN, ChartColours.OPEN, ChartCanvas.Mark.LINE),
                new ChartCanvas.Key(FAILED, ChartColours.FAILED, ChartCanvas.Mark.SQUARE),
                new ChartCanvas.Key(TIMEOUTS, ChartColours.TIMEOUT, ChartCanvas.Mark.CIRCLE)));
    }

    /** The highest line to show: the pool size when the log states it, and the critical threshold. */
    private static long levelsTop(Diagnosis d) {
        return Math.max(d.pool().poolMax(), d.options().thresholds().poolUsed().criticalAbove());
    }

    /** Near-exhaustion windows, behind everything; a point window (one failed getconn) is one bucket wide. */
    private static void windows(ChartCanvas c, Diagnosis d, Scale x) {
        long width = d.timeline().bucketMicros();
        c.out.group("windows", null);
        for (Window w : d.pool().windows()) {
            double from = Math.max(c.left, x.at(w.start()));
            double to = Math.min(c.right, x.at(Math.max(w.end(), w.start() + width)));
            if (to > from) {
                c.out.shade(from, ChartCanvas.TOP, to - from, ChartCanvas.BOTTOM - ChartCanvas.TOP, ChartColours.WINDOW,
                        ChartColours.WINDOW_OPACITY);
            }
        }
        c.out.endGroup();
    }

    /** One square per bucket with failed getconns, one circle per bucket with statement timeouts, at its count. */
    private static void points(ChartCanvas c, List<TimelineBucket> buckets, Scale x, Scale y) {
        c.out.group("series", FAILED);
        for (TimelineBucket b : buckets) {
            if (b.getconnFailed() > 0) {
                c.out.rect(x.at(b.start()) - MARK, y.at(b.getconnFailed()) - MARK, 2 * MARK, 2 * MARK, ChartColours.FAILED);
            }
        }
        c.out.endGroup();
        c.out.group("series", TIMEOUTS);
        for (TimelineBucket b : buckets) {
            if (b.statementTimeouts() > 0) {
                c.out.circle(x.at(b.start()), y.at(b.statementTimeouts()), MARK, ChartColours.TIMEOUT);
            }
        }
        c.out.endGroup();
    }

    /** The pool size when the log states it (solid), then the normal and critical thresholds (dashed). */
    private static void levels(ChartCanvas c, Diagnosis d, Scale y) {
        if (d.pool().poolMax() >= 0) {
            c.level(y, d.pool().poolMax(), "pool max " + d.pool().poolMax(), ChartColours.POOL_MAX, false);
        }
        Threshold t = d.options().thresholds().poolUsed();
        c.level(y, t.normalMax(), "normal ≤ " + t.normalMax(), ChartColours.NORMAL, true);
        c.level(y, t.criticalAbove(), "critical > " + t.criticalAbove(),
                ChartColours.CRITICAL, true);
    }
}
