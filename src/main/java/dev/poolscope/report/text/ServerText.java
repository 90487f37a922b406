package dev.poolscope.report.text;

import dev.poolscope.analysis.Diagnosis;
import dev.poolscope.report.Redactor;
import dev.poolscope.server.ApplicationRow;
import dev.poolscope.server.JoinResult;
import dev.poolscope.server.ServerResult;
import dev.poolscope.server.SessionFigures;
import dev.poolscope.server.SessionLengths;
import dev.poolscope.server.SessionLoss;
import dev.poolscope.server.StatementRow;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The server's sections of the text report: PostgreSQL's own figures, then "Server's view" when the app's
 * log was joined with it. Absent for app logs. Log strings are redacted, cleaned and fitted as elsewhere.
 */
final class ServerText {
    private final PrintWriter out;
    private final Redactor redactor;

    ServerText(PrintWriter out, Redactor redactor) {
        this.out = out;
        this.redactor = redactor;
    }

    void write(Diagnosis d) {
        if (d.server() == null) {
            return;
        }
        server(d.server().result());
        if (d.server().join() != null) {
            join(d.server().join());
        }
    }

    private void server(ServerResult r) {
        out.println();
        out.println("PostgreSQL server log (" + String.join(", ", r.formats().values()) + ")");
        sessions(r.sessions());
        out.printf(Locale.ROOT, "  too many clients (53300): %d%s%n", r.tooManyClients(), windows(r));
        for (var e : r.tooManyClientsByMessage().entrySet()) {
            out.printf(Locale.ROOT, "    %5d  %s%n", e.getValue(), text(e.getKey(), TextReport.WIDTH - 11));
        }
        out.printf(Locale.ROOT, "  held in a transaction: %d idle-in-transaction kills (25P03), %d EOFs (08006)%n",
                r.idleInTransactionKills(), r.eofInTransaction());
        losses(r.heldInTransaction(), r.heldInTransactionCount());
        out.printf(Locale.ROOT, "  statement timeouts (57014): %d, user cancels: %d%n", r.statementTimeouts(),
                r.userCancels());
        List<StatementRow> rows = r.timeoutsByStatement();
        for (StatementRow s : rows.subList(0, Math.min(rows.size(), TextReport.ROWS))) {
            out.printf(Locale.ROOT, "    %5d  %-16s %s%n", s.count(), text(name(s.application()), 16),
                    text(s.statement(), TextReport.WIDTH - 29));
        }
        wrap("other connection losses: " + counts(r.otherLosses()));
        applications(r.byApplication());
        if (r.unparsedLines() > 0) {
            out.printf(Locale.ROOT, "  %d lines of the server log were not records of its format%n", r.unparsedLines());
        }
    }

    private void sessions(SessionFigures s) {
        if (s.count() == null) {
            out.println("  sessions: n/a (log_connections and log_disconnections are off)");
        } else {
            out.printf(Locale.ROOT, "  sessions: %d (%d authorized in the log, %d begun before it, %d open at the end)%n",
                    s.count(), s.authorizations(), s.beganBeforeLog(), s.openAtEnd());
        }
        out.printf(Locale.ROOT, "  peak sessions: %s%s, max_connections %s%n", s.peak() == null ? "n/a" : s.peak(),
                s.peak() == null ? "" : " at " + TextReport.shortTime(s.peakAt()),
                s.maxConnections() == null ? "n/a" : s.maxConnections());
        SessionLengths l = s.lengths();
        out.printf(Locale.ROOT, "  session length: %s%n", l == null ? "n/a (log_disconnections is off)"
                : String.format(Locale.ROOT, "p50 %s, p95 %s, max %s", ms(l.percentile(50)), ms(l.percentile(95)),
                        ms(l.maxMillis())));
        out.printf(Locale.ROOT, "  connections received: %d (also health checks and cancel requests)%n",
                s.connectionsReceived());
    }

    private String windows(ServerResult r) {
        if (r.tooManyClientsWindows().isEmpty()) {
            return "";
        }
        var w = r.tooManyClientsWindows().get(0);
        return String.format(Locale.ROOT, " in %d window%s, first %s", r.tooManyClientsWindows().size(),
                r.tooManyClientsWindows().size() == 1 ? "" : "s", TextReport.shortTime(w.start()));
    }

    private void losses(List<SessionLoss> losses, long total) {
        if (losses.isEmpty()) {
            return;
        }
        out.printf(Locale.ROOT, "    %-23s %-7s %-16s %-10s %8s%n", "time", "pid", "application", "user", "lived");
        for (SessionLoss l : losses.subList(0, Math.min(losses.size(), TextReport.ROWS))) {
            out.printf(Locale.ROOT, "    %-23s %-7d %-16s %-10s %8s%s%n", TextReport.shortTime(l.time()), l.pid(),
                    text(name(l.application()), 16), text(name(l.user()), 10),
                    l.livedMicros() < 0 ? "-" : TextReport.duration(l.livedMicros()),
                    l.kind().equals(SessionLoss.EOF_IN_TRANSACTION) ? "  EOF" : "");
        }
        if (total > TextReport.ROWS) {
            out.printf(Locale.ROOT, "    … %d more in the JSON report%n", total - TextReport.ROWS);
        }
    }

    private void applications(List<ApplicationRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        out.printf(Locale.ROOT, "  %-24s %8s %6s %4s %8s %8s %6s%n", "application", "sessions", "kills", "eof",
                "refused", "timeouts", "other");
        for (ApplicationRow a : rows.subList(0, Math.min(rows.size(), TextReport.ROWS))) {
            out.printf(Locale.ROOT, "  %-24s %8d %6d %4d %8d %8d %6d%n", text(a.application(), 24), a.sessions(),
                    a.idleInTransactionKills(), a.eofInTransaction(), a.tooManyClients(), a.statementTimeouts(),
                    a.otherLosses());
        }
    }

    private void join(JoinResult j) {
        out.println();
        out.printf(Locale.ROOT, "Server's view (application %s, clock tolerance %s)%n",
                j.application() == null ? "any" : text(j.application(), 30), TextReport.duration(j.skewMicros()));
        for (JoinResult.Pair p : List.of(j.leaks(), j.failedConnects(), j.timeouts())) {
            wrap(p.verdict());
        }
        if (!j.leakPairs().isEmpty()) {
            out.printf(Locale.ROOT, "  %-23s %-26s %-11s %s%n", "app checkout", "endpoint", "server", "at");
            for (JoinResult.LeakPair p : j.leakPairs().subList(0, Math.min(j.leakPairs().size(), TextReport.ROWS))) {
                out.printf(Locale.ROOT, "  %-23s %-26s %-11s %s%n", TextReport.shortTime(p.leak().acquiredAt()),
                        text(name(p.leak().endpoint()), 26),
                        p.server().kind().equals(SessionLoss.EOF_IN_TRANSACTION) ? "EOF" : "idle kill",
                        TextReport.shortTime(p.server().time()).substring(11) + " pid " + p.server().pid());
            }
        }
        for (String note : j.notes()) {
            wrap("note: " + note);
        }
    }

    /** A sentence over several lines of the report's width. */
    private void wrap(String sentence) {
        StringBuilder line = new StringBuilder("  ");
        for (String word : text(sentence, 2000).split(" ")) {
            if (line.length() + word.length() + 1 > TextReport.WIDTH && line.length() > 4) {
                out.println(line);
                line = new StringBuilder("    ");
            }
            line.append(word).append(' ');
        }
        out.println(line.toString().stripTrailing());
    }

    private String text(String s, int width) {
        return TextReport.fit(redactor.redact(s), width);
    }

    private static String name(String s) {
        return s == null ? "(unknown)" : s;
    }

    private static String ms(long millis) {
        return TextReport.duration(millis * 1000);
    }

    private static String counts(Map<String, Long> counts) {
        if (counts.isEmpty()) {
            return "none";
        }
        StringBuilder s = new StringBuilder();
        counts.forEach((k, v) -> s.append(s.length() == 0 ? "" : ", ").append(k.replace('_', ' ')).append(' ').append(v));
        return s.toString();
    }
}
