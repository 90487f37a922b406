package dev.poolscope.report.html;

import static dev.poolscope.report.html.HtmlTable.cell;
import static dev.poolscope.report.html.HtmlTable.num;
import static dev.poolscope.report.html.HtmlTable.text;

import dev.poolscope.analysis.Diagnosis;
import dev.poolscope.analysis.EndpointRow;
import dev.poolscope.analysis.LeakItem;
import dev.poolscope.analysis.LongHold;
import dev.poolscope.analysis.Percentiles;
import dev.poolscope.analysis.TimeoutEvent;
import dev.poolscope.analysis.Window;
import dev.poolscope.report.Html;
import dev.poolscope.report.text.TextReport;
import java.util.List;
import java.util.Locale;

/** The listed items of the HTML report, one section each, with the same facts as the JSON report. */
final class HtmlTables {
    private HtmlTables() {}

    static String all(Diagnosis d) {
        return leaks(d) + endpoints(d) + windows(d) + timeouts(d) + longHolds(d) + ServerHtml.all(d);
    }

    static String leaks(Diagnosis d) {
        var c = d.checkouts();
        HtmlTable t = new HtmlTable(List.of(text("state"), text("acquired at (UTC)"), num("age"), text("endpoint"),
                text("request"), text("connection"), text("process"), text("file:line")));
        for (LeakItem l : c.leaks()) {
            leak(t, "leaked", l);
        }
        for (LeakItem l : c.inFlight()) {
            leak(t, "in flight", l);
        }
        String intro = String.format(Locale.ROOT,
                "%d checkouts never returned, in %d requests; %d still in flight at the end; %d orphan putconn.",
                c.leakedCheckouts(), c.requestsWithoutClose(), c.inFlightCount(), c.orphanPutconn());
        return section("leaks", "Leaks", intro, t, c.leakedCheckouts() + c.inFlightCount());
    }

    private static void leak(HtmlTable t, String state, LeakItem l) {
        t.row(cell(state), HtmlTable.time(l.acquiredAt()), HtmlTable.duration(l.ageMicros()), cell(l.endpoint()),
                cell(l.requestId()), cell(l.connId()), cell(l.process()), cell(l.source() + ":" + l.line()));
    }

    static String endpoints(Diagnosis d) {
        HtmlTable t = new HtmlTable(List.of(text("endpoint"), num("checkouts"), num("leaked"), num("timeouts"),
                num("p50 hold ms"), num("p95 hold ms"), num("p99 hold ms"), num("max hold ms")));
        for (EndpointRow r : d.endpoints()) {
            Percentiles p = r.holdTimes();
            boolean none = p.count() == 0;
            t.row(cell(r.endpoint()), cell(r.checkouts()), cell(r.leakedCheckouts()), cell(r.statementTimeouts()),
                    none ? cell(null) : HtmlTable.millis(p.p50()), none ? cell(null) : HtmlTable.millis(p.p95()),
                    none ? cell(null) : HtmlTable.millis(p.p99()), none ? cell(null) : HtmlTable.millis(p.max()));
        }
        return section("endpoints", "Endpoints", "Checkouts, leaks, statement timeouts and hold times per route.", t,
                d.endpoints().size());
    }

    static String windows(Diagnosis d) {
        var p = d.pool();
        HtmlTable t = new HtmlTable(List.of(text("start (UTC)"), text("end (UTC)"), num("duration"), num("peak used"),
                num("failed getconn"), num("warnings"), num("episodes"), text("process")));
        for (Window w : p.windows()) {
            t.row(HtmlTable.time(w.start()), HtmlTable.time(w.end()), HtmlTable.duration(w.durationMicros()),
                    HtmlTable.count(w.peakUsed()), cell(w.getconnFailed()), cell(w.nearlyExhausted()),
                    cell(w.episodes()), cell(w.process() + (w.ongoingAtEnd() ? " (ongoing at end)" : "")));
        }
        String intro = String.format(Locale.ROOT, "Pool used above %d, or the pool warning or refusing checkouts: "
                + "%d windows, %s in all.", d.options().thresholds().poolUsed().criticalAbove(), p.windowCount(),
                TextReport.duration(p.microsAboveCritical()));
        return section("windows", "Near-exhaustion windows", intro, t, p.windowCount());
    }

    static String timeouts(Diagnosis d) {
        var to = d.timeouts();
        HtmlTable t = new HtmlTable(List.of(text("time (UTC)"), text("endpoint"), text("request"), text("process"),
                text("file:line")));
        for (TimeoutEvent e : to.items()) {
            t.row(HtmlTable.time(e.time()), cell(e.endpoint()), cell(e.requestId()), cell(e.process()),
                    cell(e.source() + ":" + e.line()));
        }
        String intro = String.format(Locale.ROOT, "%d events in %d requests, %d of which left a connection open.",
                to.events(), to.requestCount(), d.timeoutRequestsLeftOpen());
        return section("timeouts", "Statement timeouts", intro, t, to.events());
    }

    static String longHolds(Diagnosis d) {
        var c = d.checkouts();
        HtmlTable t = new HtmlTable(List.of(text("acquired at (UTC)"), text("returned at (UTC)"), num("held"),
                text("endpoint"), text("request"), text("connection"), text("process")));
        for (LongHold h : c.longHolds()) {
            t.row(HtmlTable.time(h.acquiredAt()), HtmlTable.time(h.returnedAt()), HtmlTable.duration(h.heldMicros()),
                    cell(h.endpoint()), cell(h.requestId()), cell(h.connId()), cell(h.process()));
        }
        String intro = String.format(Locale.ROOT, "%d checkouts returned after more than %s.", c.longHoldCount(),
                TextReport.duration(d.options().leakThreshold().toNanos() / 1000));
        return section("long-holds", "Long holds", intro, t, c.longHoldCount());
    }

    static String section(String id, String title, String intro, HtmlTable t, long total) {
        StringBuilder out = new StringBuilder("<section id=\"").append(id).append("\">\n<h2>")
                .append(Html.text(title)).append("</h2>\n<p class=\"note\">").append(Html.text(intro)).append("</p>\n");
        if (t.rows() == 0) {
            return out.append("<p class=\"empty\">None.</p>\n</section>\n").toString();
        }
        out.append(t.html());
        if (total > t.rows()) {
            out.append("<p class=\"note\">Listing ").append(t.rows()).append(" of ").append(total)
                    .append(" (raise --max-items to list more).</p>\n");
        }
        return out.append("</section>\n").toString();
    }
}
