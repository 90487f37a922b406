package dev.poolscope.report.chart;

import dev.poolscope.analysis.Diagnosis;
import dev.poolscope.analysis.Threshold;
import dev.poolscope.analysis.TimelineBucket;
import java.util.List;

/**
 * Running getconn − putconn at the end of each bucket against its normal and critical thresholds. The
 * axis reaches the critical line and zero, and any negative run.
 */
final class LeakDeltaChart {
    static final String TITLE = "Leak delta over time";
    static final String DELTA = "getconn − putconn (running)";

    private LeakDeltaChart() {}

    static void draw(Surface s, Diagnosis d) {
        List<TimelineBucket> buckets = d.timeline().buckets();
        ChartCanvas c = new ChartCanvas(s, TITLE, ChartCanvas.LEFT, ChartCanvas.RIGHT);
        if (buckets.isEmpty()) {
            c.noData("no timestamped events");
            return;
        }
        Threshold t = d.options().thresholds().leakDelta();
        int n = buckets.size();
        long[] times = new long[n];
        long[] delta = new long[n];
        long lo = 0;
        long hi = t.criticalAbove();
        for (int i = 0; i < n; i++) {
            times[i] = buckets.get(i).start();
            delta[i] = buckets.get(i).leakDelta();
            lo = Math.min(lo, delta[i]);
            hi = Math.max(hi, delta[i]);
        }
        Scale x = Scale.time(times[0], times[n - 1] + d.timeline().bucketMicros(), c.left, c.right);
        Scale y = Scale.counts(lo, hi, ChartCanvas.BOTTOM, ChartCanvas.TOP, 8);
        c.xAxis(x, "time (UTC, " + TimeTicks.date(times[0]) + ")");
        c.yAxis(y, "getconn − putconn", false);
        c.level(y, t.normalMax(), "normal ≤ " + t.normalMax(), ChartColours.NORMAL, true);
        c.level(y, t.criticalAbove(), "critical > " + t.criticalAbove(),
                ChartColours.CRITICAL, true);
        c.series(DELTA, ChartColours.USED, 2, times, delta, x, y);
        c.frame(false);
        c.legend(List.of(new ChartCanvas.Key(DELTA, ChartColours.USED, ChartCanvas.Mark.LINE)));
    }
}
