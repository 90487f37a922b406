package dev.poolscope.report.weekly;

import dev.poolscope.analysis.TimelineRow;
import dev.poolscope.weekly.DayFigures;
import dev.poolscope.weekly.WeeklyReport;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.text.SimpleDateFormat;
import java.util.Locale;
import java.util.TimeZone;
import java.util.TreeMap;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.time.FixedMillisecond;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;

/**
 * The weekly report's charts (JFreeChart, headless, fixed size and colours): leaked requests and
 * timeouts per day, peak pool used per day against the thresholds, and the week's usage timeline.
 * Datasets are exposed so tests check what is drawn, not pixels.
 */
public final class WeeklyCharts {
    public static final int WIDTH = 900;
    public static final int HEIGHT = 300;
    /** The usage timeline shows the highest use per quarter hour: a week of minutes is more points than pixels. */
    public static final long TIMELINE_STEP_MICROS = 15 * 60_000_000L;
    private static final Color LEAKS = new Color(0xC0392B);
    private static final Color TIMEOUTS = new Color(0xE67E22);
    private static final Color USED = new Color(0x2E86C1);
    private static final Color CRITICAL = new Color(0xC0392B);
    private static final Color NORMAL = new Color(0x27AE60);
    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 14);

    private WeeklyCharts() {}

    public static DefaultCategoryDataset problemsPerDay(WeeklyReport w) {
        DefaultCategoryDataset d = new DefaultCategoryDataset();
        for (DayFigures day : w.days()) {
            d.addValue(day.requestsWithoutClose(), "requests without close", day.date().toString());
            d.addValue(day.statementTimeouts(), "statement timeouts", day.date().toString());
        }
        return d;
    }

    public static DefaultCategoryDataset peakPerDay(WeeklyReport w) {
        DefaultCategoryDataset d = new DefaultCategoryDataset();
        for (DayFigures day : w.days()) {
            d.addValue(Math.max(0, day.peakUsed()), "peak pool used", day.date().toString());
        }
        return d;
    }

    public static TimeSeriesCollection usage(WeeklyReport w) {
        TreeMap<Long, Integer> steps = new TreeMap<>();
        for (TimelineRow r : w.timeline()) {
            if (r.peakUsed() >= 0) {
                steps.merge(Math.floorDiv(r.start(), TIMELINE_STEP_MICROS) * TIMELINE_STEP_MICROS, r.peakUsed(), Math::max);
            }
        }
        TimeSeries s = new TimeSeries("pool used (highest per 15 min)");
        long previous = Long.MIN_VALUE;
        for (var e : steps.entrySet()) {
            if (previous != Long.MIN_VALUE && e.getKey() - previous > TIMELINE_STEP_MICROS) {
                // no events for a while: a gap in the line, not a flat line claiming the last value held
                s.add(new FixedMillisecond((previous + TIMELINE_STEP_MICROS) / 1000), null);
            }
            s.add(new FixedMillisecond(e.getKey() / 1000), e.getValue());
            previous = e.getKey();
        }
        return new TimeSeriesCollection(s);
    }

    public static JFreeChart problemsChart(WeeklyReport w) {
        JFreeChart c = ChartFactory.createBarChart("Requests without close and statement timeouts per day", null,
                "count", problemsPerDay(w), PlotOrientation.VERTICAL, true, false, false);
        style(c);
        BarRenderer r = bars(c);
        r.setSeriesPaint(0, LEAKS);
        r.setSeriesPaint(1, TIMEOUTS);
        return c;
    }

    public static JFreeChart peakChart(WeeklyReport w) {
        JFreeChart c = ChartFactory.createBarChart("Peak pool used per day", null, "connections", peakPerDay(w),
                PlotOrientation.VERTICAL, true, false, false);
        style(c);
        bars(c).setSeriesPaint(0, USED);
        CategoryPlot p = c.getCategoryPlot();
        p.addRangeMarker(marker(w.thresholds().poolUsed().criticalAbove(), CRITICAL, "critical above "
                + w.thresholds().poolUsed().criticalAbove()));
        p.addRangeMarker(marker(w.thresholds().poolUsed().normalMax(), NORMAL, "normal up to "
                + w.thresholds().poolUsed().normalMax()));
        p.getRangeAxis().setUpperBound(Math.max(p.getRangeAxis().getUpperBound(),
                w.thresholds().poolUsed().criticalAbove() * 1.15));
        return c;
    }

    public static JFreeChart usageChart(WeeklyReport w) {
        JFreeChart c = ChartFactory.createTimeSeriesChart("Pool used over the period (" + w.zone().getId() + ")", null,
                "connections", usage(w), true, false, false);
        style(c);
        XYPlot p = c.getXYPlot();
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
        r.setSeriesPaint(0, USED);
        r.setSeriesStroke(0, new BasicStroke(1.5f));
        r.setSeriesShape(0, new java.awt.geom.Ellipse2D.Double(-2, -2, 4, 4));
        p.setRenderer(r);
        p.addRangeMarker(marker(w.thresholds().poolUsed().criticalAbove(), CRITICAL, "critical"));
        DateAxis x = (DateAxis) p.getDomainAxis();
        TimeZone zone = TimeZone.getTimeZone(w.zone());
        x.setTimeZone(zone);
        SimpleDateFormat f = new SimpleDateFormat("EEE d MMM HH:mm", Locale.ROOT);
        f.setTimeZone(zone);
        x.setDateFormatOverride(f);
        long from = w.from().atStartOfDay(w.zone()).toInstant().toEpochMilli();
        long to = w.to().plusDays(1).atStartOfDay(w.zone()).toInstant().toEpochMilli();
        x.setRange(from, to);
        p.getRangeAxis().setUpperBound(Math.max(p.getRangeAxis().getUpperBound(),
                w.thresholds().poolUsed().criticalAbove() * 1.15));
        return c;
    }

    public static byte[] png(JFreeChart chart) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024);
        ChartUtils.writeChartAsPNG(out, chart, WIDTH, HEIGHT);
        return out.toByteArray();
    }

    private static void style(JFreeChart c) {
        c.setBackgroundPaint(Color.WHITE);
        c.getTitle().setFont(TITLE);
        c.getPlot().setBackgroundPaint(Color.WHITE);
        if (c.getPlot() instanceof CategoryPlot p) {
            p.setRangeGridlinePaint(Color.LIGHT_GRAY);
        } else if (c.getPlot() instanceof XYPlot p) {
            p.setRangeGridlinePaint(Color.LIGHT_GRAY);
            p.setDomainGridlinePaint(Color.LIGHT_GRAY);
        }
    }

    private static BarRenderer bars(JFreeChart c) {
        BarRenderer r = (BarRenderer) c.getCategoryPlot().getRenderer();
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        r.setItemMargin(0.05);
        return r;
    }

    private static ValueMarker marker(double value, Color color, String label) {
        ValueMarker m = new ValueMarker(value, color, new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER,
                10f, new float[] {6f, 4f}, 0f));
        m.setLabel(label);
        m.setLabelPaint(color);
        m.setLabelAnchor(org.jfree.chart.ui.RectangleAnchor.TOP_LEFT);
        m.setLabelTextAnchor(org.jfree.chart.ui.TextAnchor.BOTTOM_LEFT);
        return m;
    }
}
