package dev.poolscope.report.chart;

import dev.poolscope.analysis.Diagnosis;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;

/**
 * How long returned connections were held, as a histogram on a log scale: {@value #BINS_PER_DECADE}
 * bins per power of ten of milliseconds, counted from the exact hold-time histogram.
 */
final class HoldTimeChart {
    static final String SERIES = "returned checkouts";
    static final int BINS_PER_DECADE = 4;
    /** Holds under a microsecond are counted in the bin of one microsecond. */
    private static final double MIN_MS = 0.001;

    private HoldTimeChart() {}

    static JFreeChart build(Diagnosis d) {
        LogAxis axis = new LogAxis("hold time (ms, log scale)");
        axis.setBase(10);
        axis.setNumberFormatOverride(new DecimalFormat("0.###", DecimalFormatSymbols.getInstance(Locale.ROOT)));
        axis.setSmallestValue(MIN_MS);
        // Ticks on whole powers of ten only, over at least one decade: fractional powers make unreadable labels.
        axis.setAutoTickUnitSelection(false);
        axis.setTickUnit(new NumberTickUnit(1));
        XYIntervalSeriesCollection data = dataset(d);
        if (data.getItemCount(0) > 0) {
            double lo = Math.floor(Math.log10(data.getStartXValue(0, 0)) + 1e-9);
            double hi = Math.ceil(Math.log10(data.getEndXValue(0, data.getItemCount(0) - 1)) - 1e-9);
            axis.setRange(Math.pow(10, lo), Math.pow(10, Math.max(hi, lo + 1)));
        }
        XYBarRenderer bars = new XYBarRenderer(0.05);
        bars.setBarPainter(new StandardXYBarPainter());
        bars.setShadowVisible(false);
        bars.setSeriesPaint(0, ChartStyle.BAR);
        XYPlot plot = new XYPlot(data, axis, ChartStyle.countAxis("checkouts"), bars);
        return ChartStyle.finish(new JFreeChart("Hold-time distribution", plot), "no returned checkouts");
    }

    /** One interval per non-empty bin: x from the bin's low to high edge (ms), y the number of holds in it. */
    static XYIntervalSeriesCollection dataset(Diagnosis d) {
        Histogram h = d.checkouts().holdTimes().histogram();
        TreeMap<Integer, Long> bins = new TreeMap<>();
        for (HistogramIterationValue v : h.recordedValues()) {
            double ms = Math.max(MIN_MS, h.highestEquivalentValue(v.getValueIteratedTo()) / 1000.0);
            bins.merge(bin(ms), v.getCountAtValueIteratedTo(), Long::sum);
        }
        XYIntervalSeries series = new XYIntervalSeries(SERIES);
        bins.forEach((k, count) -> {
            double lo = edge(k);
            double hi = edge(k + 1);
            series.add(Math.sqrt(lo * hi), lo, hi, count, count, count);
        });
        XYIntervalSeriesCollection c = new XYIntervalSeriesCollection();
        c.addSeries(series);
        return c;
    }

    static int bin(double ms) {
        return (int) Math.floor(Math.log10(ms) * BINS_PER_DECADE + 1e-9);
    }

    static double edge(int bin) {
        return Math.pow(10, (double) bin / BINS_PER_DECADE);
    }
}
