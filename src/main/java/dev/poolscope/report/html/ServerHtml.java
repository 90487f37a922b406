package dev.poolscope.report.html;

import static dev.poolscope.report.html.HtmlTable.cell;
import static dev.poolscope.report.html.HtmlTable.num;
import static dev.poolscope.report.html.HtmlTable.text;

import dev.poolscope.analysis.Diagnosis;
import dev.poolscope.report.Html;
import dev.poolscope.report.text.TextReport;
import dev.poolscope.server.ApplicationRow;
import dev.poolscope.server.JoinResult;
import dev.poolscope.server.ServerResult;
import dev.poolscope.server.SessionLoss;
import dev.poolscope.server.StatementRow;
import java.util.List;
import java.util.Locale;

/** The server's sections of the HTML page; empty for app logs. Every log string is escaped by {@link HtmlTable}. */
final class ServerHtml {
    private ServerHtml() {}

    static String all(Diagnosis d) {
        if (d.server() == null) {
            return "";
        }
        ServerResult r = d.server().result();
        return (d.server().join() == null ? "" : join(d.server().join())) + applications(r) + losses(r) + statements(r);
    }

    private static String join(JoinResult j) {
        HtmlTable t = new HtmlTable(List.of(text("comparison"), num("app"), num("server"), num("matched"),
                num("app only"), num("server only"), text("what each side saw")));
        String[] names = {"leaks vs idle-in-transaction kills + EOF in a transaction", "failed getconns vs too many clients",
            "statement timeouts vs 57014"};
        List<JoinResult.Pair> pairs = List.of(j.leaks(), j.failedConnects(), j.timeouts());
        for (int i = 0; i < names.length; i++) {
            JoinResult.Pair p = pairs.get(i);
            t.row(cell(names[i]), HtmlTable.cell(p.app()), HtmlTable.cell(p.server()), HtmlTable.cell(p.matched()),
                    HtmlTable.cell(p.appOnly()), HtmlTable.cell(p.serverOnly()), cell(p.verdict()));
        }
        String intro = String.format(Locale.ROOT, "The app's log joined with the server's by application_name (%s) "
                + "and time, tolerating %s of clock offset. %s", j.application() == null ? "any" : j.application(),
                TextReport.duration(j.skewMicros()), String.join(" ", j.notes()));
        return HtmlTables.section("server-view", "Server's view", intro, t, 3);
    }

    private static String applications(ServerResult r) {
        HtmlTable t = new HtmlTable(List.of(text("application"), num("sessions"), num("idle-in-transaction kills"),
                num("EOF in a transaction"), num("too many clients"), num("statement timeouts"), num("other losses")));
        for (ApplicationRow a : r.byApplication()) {
            t.row(cell(a.application()), HtmlTable.cell(a.sessions()), HtmlTable.cell(a.idleInTransactionKills()),
                    HtmlTable.cell(a.eofInTransaction()), HtmlTable.cell(a.tooManyClients()),
                    HtmlTable.cell(a.statementTimeouts()), HtmlTable.cell(a.otherLosses()));
        }
        var s = r.sessions();
        String intro = String.format(Locale.ROOT, "PostgreSQL's own log (%s): %s sessions, peak %s%s; %d too-many-clients "
                + "refusals; %d idle-in-transaction kills; %d EOFs in a transaction; %d statement timeouts.",
                String.join(", ", r.formats().values()), s.count() == null ? "n/a" : s.count(),
                s.peak() == null ? "n/a" : s.peak(), s.maxConnections() == null ? "" : " of max_connections "
                + s.maxConnections(), r.tooManyClients(), r.idleInTransactionKills(), r.eofInTransaction(),
                r.statementTimeouts());
        return HtmlTables.section("server", "PostgreSQL server log", intro, t, r.byApplication().size());
    }

    private static String losses(ServerResult r) {
        HtmlTable t = new HtmlTable(List.of(text("kind"), text("time (UTC)"), num("pid"), text("application"),
                text("user"), text("client"), num("lived")));
        for (List<SessionLoss> list : List.of(r.heldInTransaction(), r.otherLossItems())) {
            for (SessionLoss l : list) {
                t.row(cell(l.kind()), HtmlTable.time(l.time()), HtmlTable.cell(l.pid()), cell(l.application()),
                        cell(l.user()), cell(l.client()), l.livedMicros() < 0 ? cell((String) null)
                                : HtmlTable.duration(l.livedMicros()));
            }
        }
        long total = r.heldInTransactionCount() + r.otherLosses().values().stream().mapToLong(Long::longValue).sum();
        return HtmlTables.section("server-losses", "Connections the server ended or lost",
                "Idle-in-transaction kills and EOFs in a transaction (the server-side leak signal), then other losses.",
                t, total);
    }

    private static String statements(ServerResult r) {
        HtmlTable t = new HtmlTable(List.of(num("count"), text("application"), text("statement (literals as ?)")));
        for (StatementRow s : r.timeoutsByStatement()) {
            t.row(HtmlTable.cell(s.count()), cell(s.application()), cell(s.statement()));
        }
        return HtmlTables.section("server-timeouts", "Statement timeouts on the server",
                r.statementTimeouts() + " statement timeouts (57014), " + r.userCancels() + " user cancels.", t,
                r.timeoutsByStatement().size());
    }
}
