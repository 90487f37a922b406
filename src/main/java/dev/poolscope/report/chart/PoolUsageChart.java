package dev.poolscope.report.chart;

import dev.poolscope.analysis.Diagnosis;
import dev.poolscope.analysis.Threshold;
import dev.poolscope.analysis.TimelineBucket;
import dev.poolscope.analysis.Window;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The main chart: pool used and open checkouts per bucket against the pool size and the health
 * thresholds, near-exhaustion windows shaded, failed getconns and statement timeouts as points on a
 * second axis (events per bucket).
 */
final class PoolUsageChart {
    static final String USED = "pool used (max per bucket)";
    static final String OPEN = "open checkouts (max per bucket)";
    static final String FAILED = "failed getconn";
    static final String TIMEOUTS = "statement timeouts";

    private PoolUsageChart() {}

    static JFreeChart build(Diagnosis d) {
        XYLineAndShapeRenderer lines = new XYLineAndShapeRenderer(true, false);
        lines.setDrawSeriesLineAsPath(true);   // one path per series: far faster to draw and a smaller SVG
        lines.setSeriesPaint(0, ChartStyle.USED);
        lines.setSeriesPaint(1, ChartStyle.OPEN);
        lines.setSeriesStroke(0, new BasicStroke(2f));
        lines.setSeriesStroke(1, new BasicStroke(1.5f));
        XYPlot plot = new XYPlot(usage(d), ChartStyle.timeAxis(), ChartStyle.countAxis("connections"), lines);
        XYLineAndShapeRenderer points = new XYLineAndShapeRenderer(false, true);
        points.setSeriesPaint(0, ChartStyle.FAILED);
        points.setSeriesShape(0, new Rectangle2D.Double(-4, -4, 8, 8));
        points.setSeriesPaint(1, ChartStyle.TIMEOUT);
        points.setSeriesShape(1, new Ellipse2D.Double(-4, -4, 8, 8));
        plot.setDataset(1, events(d));
        plot.setRenderer(1, points);
        NumberAxis eventsAxis = ChartStyle.countAxis("events per bucket");
        plot.setRangeAxis(1, eventsAxis);
        plot.mapDatasetToRangeAxis(1, 1);
        for (ValueMarker m : levels(d)) {
            plot.addRangeMarker(m, Layer.FOREGROUND);
        }
        for (IntervalMarker m : windows(d)) {
            plot.addDomainMarker(m, Layer.BACKGROUND);
        }
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        return ChartStyle.finish(new JFreeChart("Pool usage over time", plot), "no timestamped events");
    }

    /**
     * Series 0 pool used, series 1 open checkouts. A bucket without a value repeats the previous one:
     * with no event in it, nothing was taken or returned, and short buckets are often empty.
     */
    static XYSeriesCollection usage(Diagnosis d) {
        XYSeries used = new XYSeries(USED, true, false);
        XYSeries open = new XYSeries(OPEN, true, false);
        Number lastUsed = null;
        Number lastOpen = null;
        for (TimelineBucket b : d.timeline().buckets()) {
            double x = b.start() / 1000.0;
            lastUsed = b.poolUsedMax() < 0 ? lastUsed : Integer.valueOf(b.poolUsedMax());
            lastOpen = b.openCheckoutsMax() < 0 ? lastOpen : Long.valueOf(b.openCheckoutsMax());
            used.add(x, lastUsed);
            open.add(x, lastOpen);
        }
        XYSeriesCollection c = new XYSeriesCollection(used);
        c.addSeries(open);
        return c;
    }

    /** Series 0 failed getconns, series 1 statement timeouts: one point per bucket that had any. */
    static XYSeriesCollection events(Diagnosis d) {
        XYSeries failed = new XYSeries(FAILED, true, false);
        XYSeries timeouts = new XYSeries(TIMEOUTS, true, false);
        for (TimelineBucket b : d.timeline().buckets()) {
            double x = b.start() / 1000.0;
            if (b.getconnFailed() > 0) {
                failed.add(x, b.getconnFailed());
            }
            if (b.statementTimeouts() > 0) {
                timeouts.add(x, b.statementTimeouts());
            }
        }
        XYSeriesCollection c = new XYSeriesCollection(failed);
        c.addSeries(timeouts);
        return c;
    }

    /** The pool size when the log states it, then the normal and critical thresholds of pool used. */
    static List<ValueMarker> levels(Diagnosis d) {
        List<ValueMarker> out = new ArrayList<>();
        if (d.pool().poolMax() >= 0) {
            out.add(ChartStyle.line(d.pool().poolMax(), "pool max " + d.pool().poolMax(), ChartStyle.POOL_MAX, false));
        }
        Threshold t = d.options().thresholds().poolUsed();
        out.add(ChartStyle.line(t.normalMax(), String.format(Locale.ROOT, "normal ≤ %d", t.normalMax()),
                ChartStyle.NORMAL, true));
        out.add(ChartStyle.line(t.criticalAbove(), String.format(Locale.ROOT, "critical > %d", t.criticalAbove()),
                ChartStyle.CRITICAL, true));
        return out;
    }

    /** Near-exhaustion windows; a point window (one failed getconn) is widened to one bucket to stay visible. */
    static List<IntervalMarker> windows(Diagnosis d) {
        long width = d.timeline().bucketMicros();
        List<IntervalMarker> out = new ArrayList<>();
        for (Window w : d.pool().windows()) {
            long end = Math.max(w.end(), w.start() + width);
            IntervalMarker m = new IntervalMarker(w.start() / 1000.0, end / 1000.0);
            m.setPaint(ChartStyle.WINDOW);
            m.setOutlinePaint(null);
            out.add(m);
        }
        return out;
    }
}
