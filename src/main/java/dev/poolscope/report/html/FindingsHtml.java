package dev.poolscope.report.html;

import dev.poolscope.findings.Example;
import dev.poolscope.findings.Figure;
import dev.poolscope.findings.FigureText;
import dev.poolscope.findings.Finding;
import dev.poolscope.report.Html;
import dev.poolscope.report.text.TextReport;
import java.util.List;

/** The findings section at the top of the HTML page; every string is escaped through {@link Html}. */
final class FindingsHtml {
    private FindingsHtml() {}

    static String section(List<Finding> findings) {
        StringBuilder b = new StringBuilder("<section id=\"findings\">\n<h2>Findings</h2>\n");
        if (findings.isEmpty()) {
            b.append("<p>None: no rule fired.</p>\n");
        }
        for (Finding f : findings) {
            finding(b, f);
        }
        return b.append("</section>").toString();
    }

    private static void finding(StringBuilder b, Finding f) {
        b.append("<div class=\"finding sev-").append(f.severity().slug()).append("\" id=\"finding-")
                .append(Html.text(f.id())).append("\">\n<h3><span class=\"sev\">").append(f.severity().slug())
                .append("</span> ").append(Html.text(f.id())).append("</h3>\n<p>").append(Html.text(f.title()))
                .append("</p>\n<ul>\n");
        for (Figure fig : f.evidence()) {
            if (fig.value() instanceof List<?> rows) {
                b.append("<li>").append(Html.text(fig.label())).append(":<ul>\n");
                rows.forEach(r -> b.append("<li>").append(Html.text(FigureText.row((Figure.Row) r))).append("</li>\n"));
                b.append("</ul></li>\n");
            } else {
                b.append("<li>").append(Html.text(fig.label())).append(": ").append(Html.text(FigureText.value(fig)))
                        .append("</li>\n");
            }
        }
        b.append("</ul>\n");
        if (!f.examples().isEmpty()) {
            b.append("<p>Examples:</p>\n<ul>\n");
            for (Example e : f.examples()) {
                b.append("<li><code>").append(Html.text((e.source() == null ? "" : e.source() + ":" + e.line() + " ")
                        + TextReport.shortTime(e.time()) + (e.requestId() == null ? "" : " request " + e.requestId())
                        + (e.endpoint() == null ? "" : " " + e.endpoint()))).append("</code> ")
                        .append(Html.text(e.note())).append("</li>\n");
            }
            b.append("</ul>\n");
        }
        b.append("<p><strong>Fix:</strong> ").append(Html.text(f.advice())).append(" <a href=\"")
                .append(Html.text(f.doc())).append("\">runbook</a></p>\n</div>\n");
    }
}
