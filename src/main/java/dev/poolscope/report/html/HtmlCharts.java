package dev.poolscope.report.html;

import dev.poolscope.analysis.Diagnosis;

/**
 * The page's four charts, in page order, drawn as inline SVG by this package: the browser renders them
 * and lays out their text, so writing the page loads no Java2D, font or JFreeChart class (issue 15.4).
 * {@code --charts} and {@code --chart} still draw the PNG and SVG files with JFreeChart (report.chart).
 */
enum HtmlCharts {
    POOL_USAGE("pool-usage", "Pool used and open checkouts per time bucket; shaded: "
            + "near-exhaustion windows; squares: failed getconn, circles: statement timeouts (right axis)."),
    LEAK_DELTA("leak-delta", "Running getconn − putconn against its thresholds."),
    HOLD_TIMES("hold-times", "How long returned connections were held (log scale)."),
    ENDPOINT_LEAKS("endpoint-leaks", "Leaked checkouts per endpoint.");

    private final String id;
    private final String caption;

    HtmlCharts(String id, String caption) {
        this.id = id;
        this.caption = caption;
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

    /** Every chart as a figure: {@code <figure id="chart-…">}, the SVG, its caption. */
    static String figures(Diagnosis d) {
        StringBuilder out = new StringBuilder(64 * 1024);
        for (HtmlCharts chart : values()) {
            out.append("<figure id=\"chart-").append(chart.id).append("\">").append(chart.svg(d))
                    .append("<figcaption>").append(Html.text(chart.caption)).append("</figcaption></figure>\n");
        }
        return out.toString();
    }
}
