package dev.poolscope.report.weekly;

import static dev.poolscope.report.weekly.WeeklyHtml.escape;

import dev.poolscope.findings.Figure;
import dev.poolscope.findings.FigureText;
import dev.poolscope.findings.Finding;
import dev.poolscope.findings.Severity;
import dev.poolscope.weekly.DayFigures;
import dev.poolscope.weekly.WeeklyReport;
import java.util.List;
import java.util.Map;

/** The weekly page's findings, pool-library and server sections; every string escaped. */
final class ExtrasHtml {
    private ExtrasHtml() {}

    static String findings(WeeklyReport w) {
        if (w.period() == null) {
            return "";
        }
        StringBuilder b = new StringBuilder("<h2>Findings</h2>\n");
        if (w.period().findings().isEmpty()) {
            b.append("<p>None: no rule fired over the period.</p>\n");
        }
        for (Finding f : w.period().findings()) {
            b.append("<div class=\"finding\"><h3><span class=\"").append(css(f.severity())).append("\">")
                    .append(f.severity().slug()).append("</span> ").append(escape(f.title())).append(" <code>")
                    .append(escape(f.id())).append("</code></h3>\n<ul>\n");
            for (Figure fig : f.evidence()) {
                b.append("<li>").append(escape(fig.label())).append(": ").append(escape(evidence(fig))).append("</li>\n");
            }
            b.append("</ul>\n<p><strong>Fix:</strong> ").append(escape(f.advice())).append(" <span class=\"small\">")
                    .append("runbook: ").append(escape(f.doc())).append("</span></p></div>\n");
        }
        return b.append(grid(w)).toString();
    }

    private static String evidence(Figure fig) {
        if (fig.value() instanceof List<?> rows) {
            return String.join("; ", rows.stream().map(r -> FigureText.row((Figure.Row) r)).toList());
        }
        return FigureText.value(fig);
    }

    private static String grid(WeeklyReport w) {
        List<WeeklyExtras.GridRow> rows = WeeklyExtras.grid(w);
        if (rows.isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder("<table class=\"grid\">\n<thead><tr><th>Finding per day</th>");
        for (DayFigures d : w.days()) {
            b.append("<th>").append(escape(WeeklyExtras.day(d.date()))).append("</th>");
        }
        b.append("<th>Period</th></tr></thead>\n<tbody>\n");
        for (WeeklyExtras.GridRow r : rows) {
            b.append("<tr><td title=\"").append(escape(r.title())).append("\">").append(escape(r.id())).append("</td>");
            for (int k = 0; k < r.days().size(); k++) {
                b.append(cell(w.daily().get(k) == null, r.days().get(k)));
            }
            b.append(cell(w.period() == null, r.period())).append("</tr>\n");
        }
        return b.append("</tbody>\n</table>\n").toString();
    }

    private static String cell(boolean notEvaluated, Severity s) {
        if (notEvaluated) {
            return "<td class=\"none\">n/a</td>";
        }
        return s == null ? "<td></td>" : "<td class=\"" + css(s) + "\">" + s.slug() + "</td>";
    }

    private static String css(Severity s) {
        return s == Severity.INFO ? "none" : s.slug();
    }

    static String library(WeeklyReport w) {
        if (!WeeklyExtras.anyLibrary(w)) {
            return "";
        }
        StringBuilder b = new StringBuilder("<h2>Pool libraries</h2>\n").append(table(WeeklyExtras.LIBRARY_HEADERS,
                WeeklyExtras.table(w, WeeklyExtras::library, WeeklyExtras.LIBRARY_HEADERS.size())));
        List<Map.Entry<String, Long>> origins = WeeklyExtras.origins(w);
        if (!origins.isEmpty()) {
            b.append("<p>Where the period's true leaks were borrowed:</p>\n<ul>\n");
            origins.forEach(e -> b.append("<li>").append(e.getValue()).append(" from <code>").append(escape(e.getKey()))
                    .append("</code></li>\n"));
            b.append("</ul>\n");
        }
        return b.toString();
    }

    static String server(WeeklyReport w) {
        if (!WeeklyExtras.anyServer(w)) {
            return "";
        }
        StringBuilder b = new StringBuilder("<h2>PostgreSQL server</h2>\n").append(table(WeeklyExtras.SERVER_HEADERS,
                WeeklyExtras.table(w, WeeklyExtras::server, WeeklyExtras.SERVER_HEADERS.size())));
        List<String> join = WeeklyExtras.join(w.period());
        if (!join.isEmpty()) {
            b.append("<p>Server's view against the app's log (period):</p>\n<ul>\n");
            join.forEach(s -> b.append("<li>").append(escape(s)).append("</li>\n"));
            b.append("</ul>\n");
        }
        return b.toString();
    }

    private static String table(List<String> headers, List<Map.Entry<String, List<String>>> rows) {
        StringBuilder b = new StringBuilder("<table>\n<thead><tr><th>Day</th>");
        headers.forEach(h -> b.append("<th>").append(escape(h)).append("</th>"));
        b.append("</tr></thead>\n<tbody>\n");
        for (Map.Entry<String, List<String>> r : rows) {
            b.append(r.getKey().equals("Period") ? "<tr class=\"total\">" : "<tr>").append("<td>")
                    .append(escape(r.getKey())).append("</td>");
            r.getValue().forEach(c -> b.append("<td>").append(escape(c)).append("</td>"));
            b.append("</tr>\n");
        }
        return b.append("</tbody>\n</table>\n").toString();
    }
}
