package dev.poolscope.report.chart;

import dev.poolscope.analysis.Diagnosis;
import dev.poolscope.report.Ranking;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

/** Leaked checkouts per endpoint, most first, at most {@value #TOP} bars. */
final class EndpointLeakChart {
    static final String SERIES = "leaked checkouts";
    static final int TOP = 15;
    private static final int NAME_MAX = 60;

    private EndpointLeakChart() {}

    static JFreeChart build(Diagnosis d) {
        CategoryAxis names = new CategoryAxis(null);
        names.setMaximumCategoryLabelWidthRatio(0.45f);
        BarRenderer bars = new BarRenderer();
        bars.setBarPainter(new StandardBarPainter());
        bars.setShadowVisible(false);
        bars.setSeriesPaint(0, ChartStyle.CRITICAL);
        bars.setMaximumBarWidth(0.08);
        CategoryPlot plot = new CategoryPlot(dataset(d), names, ChartStyle.countAxis("leaked checkouts"), bars);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_RIGHT);
        JFreeChart chart = new JFreeChart("Leaked checkouts per endpoint", plot);
        chart.removeLegend();
        return ChartStyle.finish(chart, "no leaked checkouts");
    }

    /** Row {@link #SERIES}, one column per endpoint (shortened to fit), ordered by leaks then name. */
    static DefaultCategoryDataset dataset(Diagnosis d) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        List<Map.Entry<String, Long>> sorted = Ranking.byCount(d.checkouts().leaksByEndpoint());
        for (Map.Entry<String, Long> e : sorted.subList(0, Math.min(TOP, sorted.size()))) {
            data.addValue(e.getValue(), SERIES, ChartStyle.label(e.getKey(), NAME_MAX));
        }
        return data;
    }
}
