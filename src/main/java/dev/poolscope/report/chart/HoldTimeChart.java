package dev.poolscope.report.chart;

import dev.poolscope.analysis.Diagnosis;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

/**
 * How long returned connections were held: a histogram on a log
 * scale, {@value #BINS_PER_DECADE} bins per power of ten of milliseconds, counted from the exact hold-time
 * histogram, over whole decades with a tick on each.
 */
final class HoldTimeChart {
    static final String TITLE = "Hold-time distribution";
    static final String SERIES = "returned checkouts";
    static final int BINS_PER_DECADE = 4;
    /** Holds under a microsecond are counted in the bin of one microsecond. */
    private static final double MIN_MS = 0.001;
    /** The share of a bin's width left blank between two bars, as XYBarRenderer's margin of 0.05. */
    private static final double GAP = 0.05;

    private HoldTimeChart() {}

    static void draw(Surface s, Diagnosis d) {
        ChartCanvas c = new ChartCanvas(s, TITLE, ChartCanvas.LEFT, ChartCanvas.RIGHT);
        TreeMap<Integer, Long> bins = bins(d.checkouts().holdTimes().histogram());
        if (bins.isEmpty()) {
            c.noData("no returned checkouts");
            return;
        }
        int loExp = Math.floorDiv(bins.firstKey(), BINS_PER_DECADE);
        int hiExp = Math.floorDiv(bins.lastKey() + 1 + BINS_PER_DECADE - 1, BINS_PER_DECADE);
        Scale x = Scale.decades(loExp, hiExp, c.left, c.right);
        long most = 0;
        for (long n : bins.values()) {
            most = Math.max(most, n);
        }
        Scale y = Scale.counts(0, most, ChartCanvas.BOTTOM, ChartCanvas.TOP, 8);
        c.xAxis(x, "hold time (ms, log scale)");
        c.yAxis(y, "checkouts", false);
        c.out.group("series", SERIES);
        for (Map.Entry<Integer, Long> bin : bins.entrySet()) {
            double from = x.at(edge(bin.getKey()));
            double to = x.at(edge(bin.getKey() + 1));
            double trim = (to - from) * GAP / 2;
            double top = y.at(bin.getValue());
            c.out.rect(from + trim, top, to - from - 2 * trim, ChartCanvas.BOTTOM - top, ChartColours.BAR);
        }
        c.out.endGroup();
        c.frame(false);
        c.legend(List.of(new ChartCanvas.Key(SERIES, ChartColours.BAR, ChartCanvas.Mark.BAR)));
    }

    /** Holds per bin, by bin number: bin k holds [10^(k/4), 10^((k+1)/4)) ms. */
    static TreeMap<Integer, Long> bins(Histogram h) {
        TreeMap<Integer, Long> bins = new TreeMap<>();
        for (HistogramIterationValue v : h.recordedValues()) {
            double ms = Math.max(MIN_MS, h.highestEquivalentValue(v.getValueIteratedTo()) / 1000.0);
            bins.merge(bin(ms), v.getCountAtValueIteratedTo(), Long::sum);
        }
        return bins;
    }

    static int bin(double ms) {
        return (int) Math.floor(Math.log10(ms) * BINS_PER_DECADE + 1e-9);
    }

    static double edge(int bin) {
        return Math.pow(10, (double) bin / BINS_PER_DECADE);
    }
}
