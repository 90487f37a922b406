package dev.poolscope.report.weekly;

import dev.poolscope.analysis.Level;
import dev.poolscope.weekly.DayFigures;
import dev.poolscope.weekly.EndpointWeek;
import dev.poolscope.weekly.WeeklyReport;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.format.TextStyle;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import org.jfree.chart.JFreeChart;

/**
 * The weekly report as one self-contained HTML page: the template resource {@code weekly.html} with its
 * placeholders filled, charts embedded as PNG data URIs, every log-supplied text escaped.
 */
public final class WeeklyHtml {
    private static final String TEMPLATE = load();

    private WeeklyHtml() {}

    public static void write(WeeklyReport w, Writer out) throws IOException {
        String title = "Connection-pool health " + w.from() + " to " + w.to() + " (" + w.zone().getId() + ")";
        Map<String, String> values = Map.ofEntries(
                Map.entry("findings", ExtrasHtml.findings(w)),
                Map.entry("library", ExtrasHtml.library(w) + ExtrasHtml.server(w)),
                Map.entry("title", escape(title)),
                Map.entry("verdict", verdictLine(w)),
                Map.entry("days", days(w)),
                Map.entry("charts", chart(WeeklyCharts.problemsChart(w), "requests without close and statement timeouts per day")
                        + chart(WeeklyCharts.peakChart(w), "peak pool used per day against the thresholds")
                        + chart(WeeklyCharts.usageChart(w), "pool used over the period")),
                Map.entry("endpoints", endpoints(w)),
                Map.entry("footer", escape("Thresholds: pool used critical above " + w.thresholds().poolUsed().criticalAbove()
                        + ", getconn − putconn critical above " + w.thresholds().leakDelta().criticalAbove()
                        + ", requests without close critical above " + w.thresholds().requestsWithoutClose().criticalAbove()
                        + ". Days are calendar days in " + w.zone().getId() + "; a leak counts on the day its connection "
                        + "was taken. " + w.inputs().size() + " input files.")),
                Map.entry("notes", notes(w)));
        out.write(fill(TEMPLATE, values));
        out.flush();
    }

    /** One pass over the template, so a value (log text) that looks like a placeholder stays as it is. */
    static String fill(String template, Map<String, String> values) {
        StringBuilder b = new StringBuilder(template.length() * 2);
        int at = 0;
        for (int open = template.indexOf("{{"); open >= 0; open = template.indexOf("{{", at)) {
            int close = template.indexOf("}}", open);
            String value = close < 0 ? null : values.get(template.substring(open + 2, close));
            if (value == null) {
                b.append(template, at, open + 2);
                at = open + 2;
            } else {
                b.append(template, at, open).append(value);
                at = close + 2;
            }
        }
        return b.append(template, at, template.length()).toString();
    }

    private static String verdictLine(WeeklyReport w) {
        StringBuilder b = new StringBuilder("Verdict: ").append(level(w.totals().verdict()));
        if (w.worstDay() != null) {
            DayFigures d = w.worstDay();
            b.append(" · worst day ").append(escape(day(d))).append(": ").append(d.getconnFailed())
                    .append(" failed getconns, ").append(d.requestsWithoutClose()).append(" requests without close, peak ")
                    .append(Math.max(0, d.peakUsed())).append(" used");
        }
        return b.toString();
    }

    private static String days(WeeklyReport w) {
        StringBuilder b = new StringBuilder();
        for (DayFigures d : w.days()) {
            b.append(row(escape(day(d)), d, "", w.checkoutsLogged()));
        }
        b.append(row("Total", w.totals(), " class=\"total\"", w.checkoutsLogged()));
        if (w.previous() != null) {
            b.append(row("Previous period", w.previous(), "", w.checkoutsLogged()));
        }
        return b.toString();
    }

    /** {@code checkouts}: false when no input logs checkouts (HikariCP alone): getconn and putconn are n/a. */
    private static String row(String label, DayFigures d, String attrs, boolean checkouts) {
        if (!d.hasData()) {
            return "<tr" + attrs + "><td>" + label + "</td><td colspan=\"8\"></td><td class=\"none\">no data</td></tr>\n";
        }
        String pair = checkouts ? d.getconn() + "</td><td>" + d.putconn() + "</td><td>" + d.leakDelta()
                : "n/a</td><td>n/a</td><td>n/a";
        return "<tr" + attrs + "><td>" + label + "</td><td>" + pair + "</td><td>" + d.requestsWithoutClose()
                + "</td><td>" + (d.peakUsed() < 0 ? "n/a" : Integer.toString(d.peakUsed()))
                + "</td><td>" + WeeklyJson.minutes(d.aboveCriticalMicros()) + "</td><td>" + d.getconnFailed() + "</td><td>"
                + d.statementTimeouts() + "</td><td>" + level(d.verdict()) + "</td></tr>\n";
    }

    private static String endpoints(WeeklyReport w) {
        if (w.worstEndpoints().isEmpty()) {
            return "<p>No endpoint leaked a connection or hit a statement timeout.</p>";
        }
        StringBuilder b = new StringBuilder("<table>\n<thead><tr><th>Endpoint</th><th>requests without close</th>"
                + "<th>leaked checkouts</th><th>statement timeouts</th></tr></thead>\n<tbody>\n");
        for (EndpointWeek e : w.worstEndpoints()) {
            b.append("<tr><td class=\"ep\">").append(escape(e.endpoint())).append("</td><td>")
                    .append(e.requestsWithoutClose()).append("</td><td>").append(e.leakedCheckouts()).append("</td><td>")
                    .append(e.statementTimeouts()).append("</td></tr>\n");
        }
        return b.append("</tbody>\n</table>").toString();
    }

    private static String notes(WeeklyReport w) {
        if (w.notes().isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder("<h2>Notes</h2>\n<ul>\n");
        w.notes().forEach(n -> b.append("<li>").append(escape(n)).append("</li>\n"));
        return b.append("</ul>").toString();
    }

    private static String chart(JFreeChart chart, String alt) throws IOException {
        return "<img alt=\"" + escape(alt) + "\" width=\"" + WeeklyCharts.WIDTH + "\" height=\"" + WeeklyCharts.HEIGHT
                + "\" src=\"data:image/png;base64," + Base64.getEncoder().encodeToString(WeeklyCharts.png(chart))
                + "\">\n";
    }

    private static String level(Level l) {
        if (l == null) {
            return "<span class=\"none\">no data</span>";
        }
        return "<span class=\"" + l.label() + "\">" + l.label() + "</span>";
    }

    private static String day(DayFigures d) {
        return d.date().getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ROOT) + " " + d.date();
    }

    /** Element text and quoted attribute values; control characters (forbidden in HTML) become U+FFFD. */
    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c < 0x20 || (c >= 0x7f && c <= 0x9f) ? '\uFFFD' : c);
            }
        }
        return b.toString();
    }

    private static String load() {
        try (InputStream in = WeeklyHtml.class.getResourceAsStream("weekly.html")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
