package dev.poolscope.report.chart;

import dev.poolscope.report.Terminal;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.text.NumberFormat;
import java.util.Locale;
import java.util.TimeZone;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;

/**
 * One fixed look for every chart: size, fonts, colours, UTC time axis and {@code Locale.ROOT} numbers,
 * so the same input gives the same picture whatever the machine's locale or time zone.
 */
public final class ChartStyle {
    public static final int WIDTH = 1000;
    public static final int HEIGHT = 420;

    public static final Color USED = new Color(0x1f, 0x6f, 0xb4);
    static final Color OPEN = new Color(0xe0, 0x8a, 0x0b);
    static final Color FAILED = new Color(0xc6, 0x28, 0x28);
    static final Color TIMEOUT = new Color(0x7b, 0x1f, 0xa2);
    static final Color NORMAL = new Color(0x2e, 0x7d, 0x32);
    static final Color CRITICAL = new Color(0xc6, 0x28, 0x28);
    static final Color POOL_MAX = new Color(0x42, 0x42, 0x42);
    static final Color WINDOW = new Color(0xc6, 0x28, 0x28, 0x30);
    static final Color BAR = new Color(0x1f, 0x6f, 0xb4);

    private static final String FONT = Font.SANS_SERIF;
    private static final Font TITLE = new Font(FONT, Font.BOLD, 16);
    private static final Font SMALL = new Font(FONT, Font.PLAIN, 11);

    private ChartStyle() {}

    static JFreeChart finish(JFreeChart chart, String noData) {
        chart.setTitle(new TextTitle(chart.getTitle().getText(), TITLE));
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        if (chart.getLegend() != null) {
            chart.getLegend().setItemFont(SMALL);
        }
        Plot plot = chart.getPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setNoDataMessage(noData);
        plot.setNoDataMessageFont(TITLE);
        return chart;
    }

    static DateAxis timeAxis() {
        DateAxis axis = new DateAxis("time (UTC)", TimeZone.getTimeZone("UTC"), Locale.ROOT);
        axis.setLabelFont(SMALL);
        axis.setTickLabelFont(SMALL);
        return axis;
    }

    static NumberAxis countAxis(String label) {
        NumberAxis axis = new NumberAxis(label);
        axis.setStandardTickUnits(NumberAxis.createIntegerTickUnits(Locale.ROOT));
        axis.setNumberFormatOverride(NumberFormat.getIntegerInstance(Locale.ROOT));
        axis.setLabelFont(SMALL);
        axis.setTickLabelFont(SMALL);
        return axis;
    }

    /** A horizontal threshold line with its label at the right end. */
    static ValueMarker line(double value, String label, Color color, boolean dashed) {
        ValueMarker m = new ValueMarker(value);
        m.setPaint(color);
        m.setStroke(dashed ? new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                new float[] {6f, 4f}, 0f) : new BasicStroke(1.5f));
        m.setLabel(label);
        m.setLabelFont(SMALL);
        m.setLabelPaint(color);
        m.setLabelBackgroundColor(new Color(255, 255, 255, 210));
        m.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
        m.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
        return m;
    }

    /**
     * A log string as a chart label: control characters replaced (XML 1.0, and so SVG, forbids most of
     * them) and long names shortened, which would otherwise squeeze the bars to nothing.
     */
    static String label(String s, int max) {
        String clean = Terminal.clean(s);
        return clean.length() <= max ? clean : clean.substring(0, max - 1) + "…";
    }
}
