package dev.poolscope.report.chart;

import dev.poolscope.analysis.Diagnosis;
import dev.poolscope.analysis.Threshold;
import dev.poolscope.analysis.TimelineBucket;
import java.awt.BasicStroke;
import java.awt.Color;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** Running getconn − putconn at the end of each bucket, against its normal and critical thresholds. */
final class LeakDeltaChart {
    static final String DELTA = "getconn − putconn (running)";

    private LeakDeltaChart() {}

    static JFreeChart build(Diagnosis d) {
        XYLineAndShapeRenderer lines = new XYLineAndShapeRenderer(true, false);
        lines.setDrawSeriesLineAsPath(true);   // one path per series: far faster to draw and a smaller SVG
        lines.setSeriesPaint(0, ChartStyle.USED);
        lines.setSeriesStroke(0, new BasicStroke(2f));
        XYPlot plot = new XYPlot(dataset(d), ChartStyle.timeAxis(), ChartStyle.countAxis("getconn − putconn"), lines);
        for (ValueMarker m : levels(d)) {
            plot.addRangeMarker(m, Layer.FOREGROUND);
        }
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        return ChartStyle.finish(new JFreeChart("Leak delta over time", plot), "no timestamped events");
    }

    static XYSeriesCollection dataset(Diagnosis d) {
        XYSeries delta = new XYSeries(DELTA, true, false);
        for (TimelineBucket b : d.timeline().buckets()) {
            delta.add(b.start() / 1000.0, b.leakDelta());
        }
        return new XYSeriesCollection(delta);
    }

    static List<ValueMarker> levels(Diagnosis d) {
        Threshold t = d.options().thresholds().leakDelta();
        return List.of(
                ChartStyle.line(t.normalMax(), String.format(Locale.ROOT, "normal ≤ %d", t.normalMax()),
                        ChartStyle.NORMAL, true),
                ChartStyle.line(t.criticalAbove(), String.format(Locale.ROOT, "critical > %d", t.criticalAbove()),
                        ChartStyle.CRITICAL, true));
    }
}
