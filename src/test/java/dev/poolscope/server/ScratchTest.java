package dev.poolscope.server;

import org.junit.jupiter.api.Test;

class ScratchTest {
    @Test
    void print() {
        for (String v : new String[] {"default-prefix", "rich-prefix", "pgbadger-prefix"}) {
            for (String f : new String[] {"postgresql.log", "postgresql.csv", "postgresql.json"}) {
                ServerResult r = ServerLogs.analyze(ServerLogs.FIXTURES.resolve("postgres").resolve(v).resolve(f));
                System.out.println(v + "/" + f + " sessions=" + r.sessions().count() + " peak=" + r.sessions().peak()
                        + " recv=" + r.sessions().connectionsReceived() + " auth=" + r.sessions().authorizations()
                        + " disc=" + r.sessions().disconnections() + " kills=" + r.idleInTransactionKills() + " eof="
                        + r.eofInTransaction() + " tooMany=" + r.tooManyClients() + " " + r.tooManyClientsByMessage()
                        + " to=" + r.statementTimeouts() + " cancels=" + r.userCancels() + " other=" + r.otherLosses()
                        + " unparsed=" + r.unparsedLines() + " records=" + r.records());
                System.out.println("  apps=" + r.byApplication());
                System.out.println("  stmts=" + r.timeoutsByStatement());
                System.out.println("  held=" + r.heldInTransaction());
            }
        }
        for (String f : new String[] {"during-sqlalchemy.json", "during-hikaricp.json"}) {
            ServerResult r = ServerLogs.analyze(ServerLogs.FIXTURES.resolve("postgres-jsonlog").resolve(f));
            System.out.println(f + " sessions=" + r.sessions().count() + " peak=" + r.sessions().peak() + " auth="
                    + r.sessions().authorizations() + " disc=" + r.sessions().disconnections() + " before="
                    + r.sessions().beganBeforeLog() + " openAtEnd=" + r.sessions().openAtEnd() + " kills="
                    + r.idleInTransactionKills() + " eof=" + r.eofInTransaction() + " to=" + r.statementTimeouts()
                    + " apps=" + r.byApplication() + " stmts=" + r.timeoutsByStatement());
        }
    }
}
