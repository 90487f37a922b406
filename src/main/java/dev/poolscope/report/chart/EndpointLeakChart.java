package dev.poolscope.report.chart;

import dev.poolscope.analysis.Diagnosis;
import dev.poolscope.report.Ranking;
import dev.poolscope.report.Terminal;
import java.util.List;
import java.util.Map;

/**
 * Leaked checkouts per endpoint as horizontal bars, most first, at most {@value #TOP}, with each bar's
 * count at its end. Endpoint names come from the log (already through --redact's Redactor, as the whole
 * diagnosis is): shortened, control characters replaced, and escaped by the SVG writer.
 */
final class EndpointLeakChart {
    static final String TITLE = "Leaked checkouts per endpoint";
    static final String SERIES = "leaked checkouts";
    static final int TOP = 15;
    static final int NAME_MAX = 60;
    /** A bar is at most this share of the plot's height, so that one or two bars do not look like blocks. */
    private static final double MAX_BAR = 0.08;

    private EndpointLeakChart() {}

    static void draw(Surface s, Diagnosis d) {
        List<Map.Entry<String, Long>> sorted = Ranking.byCount(d.checkouts().leaksByEndpoint());
        List<Map.Entry<String, Long>> shown = sorted.subList(0, Math.min(TOP, sorted.size()));
        String[] names = new String[shown.size()];
        double widest = 0;
        long most = 0;
        for (int i = 0; i < names.length; i++) {
            names[i] = label(shown.get(i).getKey(), NAME_MAX);
            widest = Math.max(widest, ChartCanvas.textWidth(names[i]));
            most = Math.max(most, shown.get(i).getValue());
        }
        double left = Math.min(0.45 * ChartCanvas.WIDTH, Math.max(ChartCanvas.LEFT, widest + 16));
        ChartCanvas c = new ChartCanvas(s, TITLE, left, ChartCanvas.RIGHT);
        if (shown.isEmpty()) {
            c.noData("no leaked checkouts");
            return;
        }
        Scale x = Scale.counts(0, most, c.left, c.right, 10);
        c.xAxis(x, "leaked checkouts");
        double height = ChartCanvas.BOTTOM - ChartCanvas.TOP;
        double band = height / names.length;
        double bar = Math.min(0.6 * band, MAX_BAR * height);
        c.out.group("series", SERIES);
        for (int i = 0; i < names.length; i++) {
            double mid = ChartCanvas.TOP + band * (i + 0.5);
            long count = shown.get(i).getValue();
            c.out.rect(c.left, mid - bar / 2, x.at(count) - c.left, bar, ChartColours.CRITICAL);
            c.out.text(c.left - 7, mid + 4, names[i], "end", ChartCanvas.INK, Surface.TextStyle.PLAIN);
            c.out.text(x.at(count) + 4, mid + 4, Long.toString(count), "start", ChartCanvas.INK, Surface.TextStyle.PLAIN);
        }
        c.out.endGroup();
        c.frame(false);
    }

    /**
     * A log string as a label: control characters replaced (XML 1.0, and so SVG, forbids most of them) and
     * a long name shortened to {@code max} characters, which would otherwise squeeze the bars to nothing.
     */
    static String label(String s, int max) {
        String clean = Terminal.clean(s);
        if (clean.codePointCount(0, clean.length()) <= max) {
            return clean;
        }
        return clean.substring(0, clean.offsetByCodePoints(0, max - 1)) + "…";
    }
}
