package dev.poolscope.cli;

import dev.poolscope.analysis.Analysis;
import dev.poolscope.analysis.AnalysisOptions;
import dev.poolscope.analysis.Diagnosis;
import dev.poolscope.analysis.InputSummary;
import dev.poolscope.event.EventKind;
import dev.poolscope.event.PoolEvent;
import dev.poolscope.report.chart.png.ChartImages;
import java.util.List;

/**
 * Draws the PNG charts once from a tiny made-up diagnosis, so that loading Java2D and the fonts
 * happens while the log is still being read. Without it that time comes after
 * the read, on every run (issue #3's budget: report files may add at most 10 % to a run's time). The
 * HTML page and SVG files need none of it: they are SVG text (report.html).
 */
public final class ReportWarmup {
    private ReportWarmup() {}

    /**
     * Paints each PNG chart from a 20-second diagnosis: that loads the classes and sets up the fonts the
     * real drawing needs (most of its cost on a small log) without drawing big charts twice.
     */
    public static void prime() {
        ChartImages.prime(sample(20));
    }

    /** A pool that fills and drains over {@code buckets} seconds, with a few failures and timeouts. */
    private static Diagnosis sample(int buckets) {
        Analysis a = new Analysis(AnalysisOptions.defaults());
        long t0 = 1_767_225_600_000_000L;
        for (int i = 0; i < buckets; i++) {
            long t = t0 + i * 1_000_000L;
            int used = (i * 7) % 90;
            String req = "r" + i;
            a.accept(new PoolEvent(EventKind.CHECKOUT, t, "p", req, "c" + i, used, 80, "GET /x/{id}", false, false,
                    "warmup", i));
            if (i % 3 != 0) {
                a.accept(new PoolEvent(EventKind.CHECKIN, t + 500_000L * (i % 5), "p", req, "c" + i, used, 80,
                        "GET /x/{id}", false, false, "warmup", i));
            }
            if (i % 97 == 0) {
                a.accept(new PoolEvent(EventKind.CHECKOUT_FAILED, t, "p", req, null, 80, 80, "POST /y", i % 2 == 0,
                        true, "warmup", i));
            }
        }
        return a.finish(new InputSummary(List.of("warmup"), buckets, 0, 0, List.of()));
    }
}
