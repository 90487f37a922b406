package dev.poolscope.server;

/** Per {@code application_name}: sessions and what the server did to them. */
public record ApplicationRow(String application, long sessions, long idleInTransactionKills, long eofInTransaction,
                             long tooManyClients, long statementTimeouts, long otherLosses) {

    ApplicationRow plus(ApplicationRow o) {
        return new ApplicationRow(application, sessions + o.sessions, idleInTransactionKills + o.idleInTransactionKills,
                eofInTransaction + o.eofInTransaction, tooManyClients + o.tooManyClients,
                statementTimeouts + o.statementTimeouts, otherLosses + o.otherLosses);
    }
}
