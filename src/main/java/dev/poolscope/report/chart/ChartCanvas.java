package dev.poolscope.report.chart;

import dev.poolscope.report.chart.Surface.TextStyle;
import java.util.ArrayList;
import java.util.List;

/**
 * The layout every chart shares, on any {@link Surface}: a {@value #WIDTH} × {@value #HEIGHT} white
 * canvas, the title on top, a plot area with dashed grey grid lines on the ticks, axis labels, and a legend
 * centred underneath. In SVG the browser lays out the text, so widths are estimated from the number of
 * characters ({@link #textWidth}), generously, and the same layout serves the pixels.
 */
final class ChartCanvas {
    static final int WIDTH = 1000;
    static final int HEIGHT = 420;
    static final double TOP = 40;
    static final double BOTTOM = HEIGHT - 80;
    /** Left edge of the plot when the left axis has numbers; right edge with and without a right axis. */
    static final double LEFT = 64;
    static final double RIGHT_WITH_AXIS = WIDTH - 64;
    static final double RIGHT = WIDTH - 24;
    static final String INK = "#333333";
    private static final String GRID = "#c0c0c0";
    private static final String FRAME = "#808080";

    /** How a legend entry is drawn. */
    enum Mark { LINE, SQUARE, CIRCLE, BAR }

    /** A level line's label, waiting to be drawn over the data. */
    private record Label(double y, String text, String colour) {}

    /** One legend entry. */
    record Key(String name, String colour, Mark mark) {}

    /** A value a bucket does not have: a gap in the line. */
    static final long MISSING = Long.MIN_VALUE;

    final Surface out;
    private final List<Label> labels = new ArrayList<>();
    final double left;
    final double right;

    ChartCanvas(Surface out, String title, double left, double right) {
        this.out = out;
        this.left = left;
        this.right = right;
        out.text(WIDTH / 2.0, 26, title, "middle", INK, TextStyle.TITLE);
    }

    /** The empty plot with {@code message} in its middle, for a log that gives this chart nothing to draw. */
    void noData(String message) {
        frame(false);
        out.group("no-data", null);
        out.text((left + right) / 2, (TOP + BOTTOM) / 2, message, "middle", INK, TextStyle.TITLE);
        out.endGroup();
    }

    /** Vertical grid lines and labels under the plot at the ticks of {@code x}, and the axis label below them. */
    void xAxis(Scale x, String label) {
        out.group("x-axis", label);
        for (Scale.Tick t : x.ticks()) {
            double px = x.at(t.value());
            out.line(px, TOP, px, BOTTOM, GRID, 0.5, "2 2");
            out.line(px, BOTTOM, px, BOTTOM + 4, FRAME, 1, null);
            out.text(px, BOTTOM + 16, t.label(), "middle", INK, TextStyle.PLAIN);
        }
        out.text((left + right) / 2, BOTTOM + 36, label, "middle", INK, TextStyle.PLAIN);
        out.endGroup();
    }

    /** Grid lines (left axis only) and labels beside the plot at the ticks of {@code y}, and the axis label. */
    void yAxis(Scale y, String label, boolean rightSide) {
        out.group("y-axis", label);
        for (Scale.Tick t : y.ticks()) {
            double py = y.at(t.value());
            if (!rightSide) {
                out.line(left, py, right, py, GRID, 0.5, "2 2");
            }
            double edge = rightSide ? right : left;
            out.line(edge, py, edge + (rightSide ? 4 : -4), py, FRAME, 1, null);
            out.text(rightSide ? edge + 7 : edge - 7, py + 4, t.label(), rightSide ? "start" : "end", INK, TextStyle.PLAIN);
        }
        out.verticalText(rightSide ? WIDTH - 14 : 16, (TOP + BOTTOM) / 2, label, INK);
        out.endGroup();
    }

    /**
     * A horizontal threshold line across the plot, drawn now, under the data that comes after it, so a
     * line at the pool size does not hide usage running along it; its label, at the right end just above
     * the line, waits for {@link #frame} to be drawn over the data.
     */
    void level(Scale y, double value, String label, String colour, boolean dashed) {
        if (value < y.lo() || value > y.hi()) {
            return;
        }
        double py = y.at(value);
        out.group("level", label);
        out.line(left, py, right, py, colour, 1.5, dashed ? "6 4" : null);
        out.endGroup();
        labels.add(new Label(py, label, colour));
    }

    /**
     * A line series in a group named {@code name}: one point per time, {@link #MISSING} values leave a gap.
     * Inside a run of equal values only its ends are drawn: the same line, and a much smaller page when
     * 2,000 buckets mostly repeat.
     */
    void series(String name, String colour, double width, long[] times, long[] values, Scale x, Scale y) {
        Polyline p = new Polyline();
        int n = times.length;
        for (int i = 0; i < n; i++) {
            long v = values[i];
            if (v == MISSING) {
                p.gap();
            } else if (i == 0 || i == n - 1 || v != values[i - 1] || v != values[i + 1]) {
                p.to(x.at(times[i]), y.at(v));
            }
        }
        out.group("series", name);
        out.polyline(p, colour, width);
        out.endGroup();
    }

    /** The plot's frame: the axis lines left and bottom, right when there is a right axis; then the level labels. */
    void frame(boolean rightAxis) {
        out.line(left, TOP, left, BOTTOM, FRAME, 1, null);
        out.line(left, BOTTOM, right, BOTTOM, FRAME, 1, null);
        if (rightAxis) {
            out.line(right, TOP, right, BOTTOM, FRAME, 1, null);
        }
        levelLabels();
    }

    /**
     * The level lines' labels, right-aligned at the plot's right edge, just above their lines. Lines closer
     * than a text's height (thresholds of 10 and 70 on an axis of 1,400) would print their labels over each
     * other: such a label moves left of the one already there.
     */
    private void levelLabels() {
        labels.sort((a, b) -> Double.compare(a.y(), b.y()));
        double[] ends = new double[labels.size()];
        for (int i = 0; i < labels.size(); i++) {
            Label l = labels.get(i);
            double end = right - 4;
            boolean moved = true;
            while (moved) {   // only ever leftwards, past one placed label at a time: ends
                moved = false;
                for (int j = 0; j < i; j++) {
                    double start = ends[j] - textWidth(labels.get(j).text());
                    if (Math.abs(labels.get(j).y() - l.y()) < 13 && start < end && end - textWidth(l.text()) < ends[j]) {
                        end = start - 10;
                        moved = true;
                    }
                }
            }
            ends[i] = end;
            out.text(end, l.y() - 4, l.text(), "end", l.colour(), TextStyle.HALO);
        }
        labels.clear();
    }

    /** The legend, one row centred at the bottom. */
    void legend(List<Key> keys) {
        double total = 0;
        for (Key k : keys) {
            total += entryWidth(k);
        }
        double x = (WIDTH - total) / 2;
        double y = HEIGHT - 14;
        out.group("legend", null);
        for (Key k : keys) {
            switch (k.mark()) {
                case LINE -> out.line(x, y - 4, x + 18, y - 4, k.colour(), 2, null);
                case SQUARE -> out.rect(x + 5, y - 8, 8, 8, k.colour());
                case CIRCLE -> out.circle(x + 9, y - 4, 4, k.colour());
                case BAR -> out.rect(x + 5, y - 10, 8, 12, k.colour());
            }
            out.text(x + 22, y, k.name(), "start", INK, TextStyle.PLAIN);
            x += entryWidth(k);
        }
        out.endGroup();
    }

    private static double entryWidth(Key k) {
        return 22 + textWidth(k.name()) + 18;
    }

    /** About how wide a text of 11 px is: the average glyph of a sans-serif face is about 0.6 em. */
    static double textWidth(String s) {
        return s.codePointCount(0, s.length()) * 6.6;
    }

}
