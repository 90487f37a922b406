package dev.poolscope.report.html;

import dev.poolscope.analysis.Diagnosis;

/**
 * The four charts, drawn as SVG text by this package: inline in the HTML page, where the browser lays out
 * their text, and as the {@code .svg} files of {@code --chart} and {@code --charts --chart-format svg}.
 * Neither loads a Java2D, font or JFreeChart class (issue 15.4); only PNG files are drawn with JFreeChart
 * (report.chart).
 */
public enum SvgCharts {
    POOL_USAGE("pool-usage", "Pool used and open checkouts per time bucket; shaded: "
            + "near-exhaustion windows; squares: failed getconn, circles: statement timeouts (right axis)."),
    LEAK_DELTA("leak-delta", "Running getconn − putconn against its thresholds."),
    HOLD_TIMES("hold-times", "How long returned connections were held (log scale)."),
    ENDPOINT_LEAKS("endpoint-leaks", "Leaked checkouts per endpoint.");

    private static final String XML_DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

    private final String id;
    private final String caption;

    SvgCharts(String id, String caption) {
        this.id = id;
        this.caption = caption;
    }

    /** File name without extension, the same as the PNG chart's: e.g. {@code pool-usage}. */
    public String baseName() {
        return id;
    }

    String caption() {
        return caption;
    }

    /** This chart's {@code <svg>} element for one diagnosis. */
    String svg(Diagnosis d) {
        return switch (this) {
            case POOL_USAGE -> PoolUsageSvg.draw(d);
            case LEAK_DELTA -> LeakDeltaSvg.draw(d);
            case HOLD_TIMES -> HoldTimeSvg.draw(d);
            case ENDPOINT_LEAKS -> EndpointLeakSvg.draw(d);
        };
    }

    /**
     * This chart as a stand-alone SVG file: the page's element behind an XML declaration. Its text is
     * escaped for XML as for HTML ({@link Html#text}), so the file parses as XML.
     */
    public String document(Diagnosis d) {
        return XML_DECLARATION + svg(d) + "\n";
    }

    /** Every chart as a figure: {@code <figure id="chart-…">}, the SVG, its caption. */
    static String figures(Diagnosis d) {
        StringBuilder out = new StringBuilder(64 * 1024);
        for (SvgCharts chart : values()) {
            out.append("<figure id=\"chart-").append(chart.id).append("\">").append(chart.svg(d))
                    .append("<figcaption>").append(Html.text(chart.caption)).append("</figcaption></figure>\n");
        }
        return out.toString();
    }
}
