package dev.poolscope.report.html;

import dev.poolscope.analysis.Diagnosis;
import dev.poolscope.analysis.Health;
import dev.poolscope.analysis.HealthCheck;
import dev.poolscope.findings.Finding;
import dev.poolscope.report.Html;
import dev.poolscope.report.chart.ChartKind;
import dev.poolscope.report.text.TextReport;
import java.io.IOException;
import java.io.Writer;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One self-contained HTML file: verdict and headline, health table, the charts as inline SVG
 * ({@link ChartKind}), sortable tables. Every string from the log is escaped through {@link Html}; a
 * Content-Security-Policy allows only this page's own style and script (by hash), so the page can fetch
 * nothing and run nothing else, even if an escaping bug slipped through.
 */
public final class HtmlReport {
    private static final String BASE = "/dev/poolscope/report/html/";

    private HtmlReport() {}

    public static void write(Diagnosis d, Writer out) throws IOException {
        write(d, null, out);
    }

    /** The page with a findings section at the top (docs/findings.md); null findings leave it out. */
    public static void write(Diagnosis d, List<Finding> findings, Writer out) throws IOException {
        String style = HtmlTemplate.resourceText(BASE + "report.css");
        String script = HtmlTemplate.resourceText(BASE + "report.js");
        Map<String, String> v = new HashMap<>();
        v.put("csp", "default-src 'none'; style-src " + HtmlTemplate.cspHash(style) + "; script-src "
                + HtmlTemplate.cspHash(script) + "; base-uri 'none'; form-action 'none'");
        v.put("style", style);
        v.put("script", script);
        v.put("title", Html.text("poolscope: " + d.health().verdict().name() + " — " + String.join(", ",
                d.input().files())));
        v.put("verdict_class", "lv-" + d.health().verdict().label());
        v.put("verdict", d.health().verdict().name());
        var c = d.counts();
        v.put("headline", String.format(Locale.ROOT, "getconn: %d · putconn: %d · LEAK: %d", c.getconn(), c.putconn(),
                d.leakDelta()));
        v.put("summary", Html.text(String.format(Locale.ROOT, "failed getconn: %d · nearly exhausted: %d · exhaustion "
                + "errors: %d · statement timeouts: %d · peak pool used: %s", c.getconnFailed(), c.nearlyExhausted(),
                c.exhaustionErrors(), d.timeouts().events(), peak(d))));
        v.put("input", Html.text(input(d)));
        v.put("findings", findings == null ? "" : FindingsHtml.section(findings));
        v.put("health", health(d.health()));
        v.put("charts", figures(d));
        v.put("tables", HtmlTables.all(d));
        v.put("footer", Html.text(footer(d)));
        out.write(HtmlTemplate.resource(BASE + "report.html").fill(v));
        out.flush();
    }

    private static String peak(Diagnosis d) {
        var p = d.pool();
        if (p.peakUsed() < 0) {
            return "—";
        }
        return p.peakUsed() + (p.poolMax() >= 0 ? " of " + p.poolMax() : "") + " at "
                + TextReport.shortTime(p.peakAt()) + " UTC";
    }

    private static String input(Diagnosis d) {
        var in = d.input();
        return String.format(Locale.ROOT, "%s · %d lines · %d events · %d malformed · %s → %s UTC · buckets of %s",
                String.join(", ", in.files()), in.lines(), d.counts().events(), in.malformedLines(),
                TextReport.shortTime(d.counts().firstTime()), TextReport.shortTime(d.counts().lastTime()),
                TextReport.duration(d.timeline().bucketMicros()));
    }

    private static String health(Health h) {
        HtmlTable t = new HtmlTable(List.of(HtmlTable.text("metric"), HtmlTable.num("value"), HtmlTable.num("normal"),
                HtmlTable.num("critical"), HtmlTable.text("level")));
        for (HealthCheck c : h.checks()) {
            t.row(HtmlTable.cell(label(c.metric())), HtmlTable.cell(c.value()),
                    HtmlTable.cell("≤ " + c.threshold().normalMax()), HtmlTable.cell("> " + c.threshold().criticalAbove()),
                    HtmlTable.level(c.level()));
        }
        return t.html();
    }

    private static String label(String metric) {
        return switch (metric) {
            case Health.POOL_USED -> "pool used (peak)";
            case Health.LEAK_DELTA -> "getconn − putconn";
            case Health.REQUESTS_WITHOUT_CLOSE -> "requests without close";
            default -> metric;
        };
    }

    private static String footer(Diagnosis d) {
        var o = d.options();
        String version = HtmlReport.class.getPackage().getImplementationVersion();
        return String.format(Locale.ROOT, "poolscope %s · grace %s · leak threshold %s · merge gap %s · max items %d",
                version == null ? "dev" : version, TextReport.duration(o.grace().toNanos() / 1000),
                TextReport.duration(o.leakThreshold().toNanos() / 1000),
                TextReport.duration(o.mergeGap().toNanos() / 1000), o.maxItems());
    }

    /** Every chart as a figure: {@code <figure id="chart-…">}, the SVG, its caption. */
    private static String figures(Diagnosis d) {
        StringBuilder out = new StringBuilder(64 * 1024);
        for (ChartKind chart : ChartKind.values()) {
            out.append("<figure id=\"chart-").append(chart.baseName()).append("\">").append(chart.svg(d))
                    .append("<figcaption>").append(Html.text(chart.caption())).append("</figcaption></figure>\n");
        }
        return out.toString();
    }
}
