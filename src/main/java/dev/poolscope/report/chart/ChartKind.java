package dev.poolscope.report.chart;

import dev.poolscope.analysis.Diagnosis;
import dev.poolscope.report.Html;

/**
 * The four charts. Each is drawn once, on a {@link Surface}: as SVG text inline in the HTML page, where the
 * browser lays out the text, and in the {@code .svg} files of {@code --chart} and {@code --charts}, neither
 * loading a Java2D or font class (issue 15.4); or as pixels for the PNG files (report.chart.png).
 */
public enum ChartKind {
    POOL_USAGE("pool-usage", PoolUsageChart.TITLE, "Pool used and open checkouts per time bucket; shaded: "
            + "near-exhaustion windows; squares: failed getconn, circles: statement timeouts (right axis)."),
    LEAK_DELTA("leak-delta", LeakDeltaChart.TITLE, "Running getconn − putconn against its thresholds."),
    HOLD_TIMES("hold-times", HoldTimeChart.TITLE, "How long returned connections were held (log scale)."),
    ENDPOINT_LEAKS("endpoint-leaks", EndpointLeakChart.TITLE, "Leaked checkouts per endpoint.");

    private static final String XML_DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

    /** The canvas every chart is drawn on, in pixels. */
    public static final int WIDTH = ChartCanvas.WIDTH;
    public static final int HEIGHT = ChartCanvas.HEIGHT;

    private final String id;
    private final String title;
    private final String caption;

    ChartKind(String id, String title, String caption) {
        this.id = id;
        this.title = title;
        this.caption = caption;
    }

    /** File name without extension, the same as the PNG chart's: e.g. {@code pool-usage}. */
    public String baseName() {
        return id;
    }

    /** What the HTML page writes under the chart. */
    public String caption() {
        return caption;
    }

    /** Draws this chart of one diagnosis on {@code s}, a {@link #WIDTH} × {@link #HEIGHT} canvas. */
    public void draw(Surface s, Diagnosis d) {
        switch (this) {
            case POOL_USAGE -> PoolUsageChart.draw(s, d);
            case LEAK_DELTA -> LeakDeltaChart.draw(s, d);
            case HOLD_TIMES -> HoldTimeChart.draw(s, d);
            case ENDPOINT_LEAKS -> EndpointLeakChart.draw(s, d);
        }
    }

    /** This chart's {@code <svg>} element for one diagnosis, as the HTML page inlines it. */
    public String svg(Diagnosis d) {
        SvgSurface s = new SvgSurface(WIDTH, HEIGHT, title);
        draw(s, d);
        return s.finish();
    }

    /**
     * This chart as a stand-alone SVG file: the page's element behind an XML declaration. Its text is
     * escaped for XML as for HTML ({@link Html#text}), so the file parses as XML.
     */
    public String document(Diagnosis d) {
        return XML_DECLARATION + svg(d) + "\n";
    }
}
