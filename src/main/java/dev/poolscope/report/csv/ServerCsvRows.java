package dev.poolscope.report.csv;

import dev.poolscope.analysis.Diagnosis;
import dev.poolscope.report.Units;
import dev.poolscope.server.ApplicationRow;
import dev.poolscope.server.JoinResult;
import dev.poolscope.server.ServerResult;
import dev.poolscope.server.SessionLoss;
import dev.poolscope.server.StatementRow;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/** The rows of the server's CSV tables, written only when a PostgreSQL log was among the inputs. */
final class ServerCsvRows {
    private ServerCsvRows() {}

    static void applications(Diagnosis d, CsvTable.RowSink out) throws IOException {
        if (d.server() == null) {
            return;
        }
        for (ApplicationRow a : d.server().result().byApplication()) {
            out.row(Arrays.asList(CsvCells.text(a.application()), a.sessions(), a.idleInTransactionKills(),
                    a.eofInTransaction(), a.tooManyClients(), a.statementTimeouts(), a.otherLosses()));
        }
    }

    static void losses(Diagnosis d, CsvTable.RowSink out) throws IOException {
        if (d.server() == null) {
            return;
        }
        ServerResult r = d.server().result();
        for (List<SessionLoss> list : List.of(r.heldInTransaction(), r.otherLossItems())) {
            for (SessionLoss l : list) {
                out.row(Arrays.asList(l.kind(), Units.time(l.time()), l.pid(), CsvCells.text(l.application()),
                        CsvCells.text(l.user()), CsvCells.text(l.database()), CsvCells.text(l.client()),
                        Units.time(l.sessionStart()), l.livedMicros() < 0 ? null : Units.seconds(l.livedMicros()),
                        CsvCells.text(l.source()), l.line()));
            }
        }
    }

    static void statements(Diagnosis d, CsvTable.RowSink out) throws IOException {
        if (d.server() == null) {
            return;
        }
        for (StatementRow s : d.server().result().timeoutsByStatement()) {
            out.row(Arrays.asList(CsvCells.text(s.statement()), CsvCells.text(s.application()), s.count()));
        }
    }

    static void join(Diagnosis d, CsvTable.RowSink out) throws IOException {
        JoinResult j = d.server() == null ? null : d.server().join();
        if (j == null) {
            return;
        }
        String[] names = {"leaks", "failed_connects", "statement_timeouts"};
        List<JoinResult.Pair> pairs = List.of(j.leaks(), j.failedConnects(), j.timeouts());
        for (int i = 0; i < names.length; i++) {
            JoinResult.Pair p = pairs.get(i);
            out.row(Arrays.asList(names[i], p.app(), p.server(), p.matched(), p.appOnly(), p.serverOnly(),
                    CsvCells.text(p.verdict())));
        }
    }
}
