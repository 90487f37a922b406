package dev.poolscope.report;

import dev.poolscope.server.AppLeak;
import dev.poolscope.server.ApplicationRow;
import dev.poolscope.server.JoinResult;
import dev.poolscope.server.Refusal;
import dev.poolscope.server.ServerResult;
import dev.poolscope.server.ServerTimeout;
import dev.poolscope.server.ServerView;
import dev.poolscope.server.SessionFigures;
import dev.poolscope.server.SessionLoss;
import dev.poolscope.server.SessionRow;
import dev.poolscope.server.StatementRow;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The server's view with every string from a log passed through a {@link Redactor} ({@code --redact}):
 * statements above all (literals may be secrets), and names of applications, users, databases, clients.
 */
final class ServerRedaction {
    private ServerRedaction() {}

    static ServerView apply(ServerView v, Redactor r) {
        if (v == null) {
            return null;
        }
        return new ServerView(result(v.result(), r), v.join() == null ? null : join(v.join(), r));
    }

    private static ServerResult result(ServerResult s, Redactor r) {
        return new ServerResult(s.formats(), s.records(), s.unparsedLines(), s.unknownZones(), s.from(), s.to(),
                sessions(s.sessions(), r), s.tooManyClients(), keys(s.tooManyClientsByMessage(), r),
                s.tooManyClientsWindows(), s.refusals().stream().map(f -> new Refusal(f.time(), f.pid(),
                        r.redact(f.application()), r.redact(f.user()), r.redact(f.message()))).toList(),
                s.idleInTransactionKills(), s.eofInTransaction(), losses(s.heldInTransaction(), r),
                s.statementTimeouts(), s.userCancels(), s.timeoutsByStatement().stream().map(t -> new StatementRow(
                        r.redact(t.statement()), r.redact(t.application()), t.count(), r.redact(t.example()))).toList(),
                s.timeoutItems().stream().map(t -> new ServerTimeout(t.time(), t.pid(), r.redact(t.application()),
                        r.redact(t.statement()), t.source(), t.line())).toList(),
                s.otherLosses(), losses(s.otherLossItems(), r), s.byApplication().stream().map(a -> new ApplicationRow(
                        r.redact(a.application()), a.sessions(), a.idleInTransactionKills(), a.eofInTransaction(),
                        a.tooManyClients(), a.statementTimeouts(), a.otherLosses())).toList());
    }

    private static SessionFigures sessions(SessionFigures s, Redactor r) {
        List<SessionRow> longest = s.longest().stream().map(w -> new SessionRow(w.pid(), r.redact(w.application()),
                r.redact(w.user()), r.redact(w.database()), r.redact(w.client()), w.start(), w.end(),
                w.lengthMicros())).toList();
        return new SessionFigures(s.connectionsReceived(), s.authorizations(), s.disconnections(), s.count(),
                s.beganBeforeLog(), s.openAtEnd(), s.peak(), s.peakAt(), s.maxConnections(), s.lengths(), longest,
                keys(s.byUser(), r), keys(s.byDatabase(), r), keys(s.byClient(), r), s.concurrency(),
                s.concurrencyBucketMicros());
    }

    private static JoinResult join(JoinResult j, Redactor r) {
        return new JoinResult(r.redact(j.application()), j.skewMicros(), j.leaks(), j.leakPairs().stream()
                .map(p -> new JoinResult.LeakPair(leak(p.leak(), r), loss(p.server(), r))).toList(),
                j.appOnlyLeaks().stream().map(l -> leak(l, r)).toList(), losses(j.serverOnlyLosses(), r),
                j.failedConnects(), j.timeouts(), j.notes().stream().map(r::redact).toList());
    }

    private static AppLeak leak(AppLeak l, Redactor r) {
        return new AppLeak(l.acquiredAt(), r.redact(l.process()), r.redact(l.requestId()), r.redact(l.endpoint()));
    }

    private static List<SessionLoss> losses(List<SessionLoss> list, Redactor r) {
        return list.stream().map(l -> loss(l, r)).toList();
    }

    private static SessionLoss loss(SessionLoss l, Redactor r) {
        return new SessionLoss(l.kind(), l.time(), l.pid(), r.redact(l.application()), r.redact(l.user()),
                r.redact(l.database()), r.redact(l.client()), l.sessionStart(), l.livedMicros(), l.source(), l.line());
    }

    private static Map<String, Long> keys(Map<String, Long> counts, Redactor r) {
        Map<String, Long> out = new LinkedHashMap<>();
        counts.forEach((k, v) -> out.merge(r.redact(k), v, Long::sum));
        return out;
    }
}
