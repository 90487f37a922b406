package dev.poolscope.server;

/** Per {@code application_name}: sessions and what the server did to them. */
public record ApplicationRow(String application, long sessions, long idleInTransactionKills, long eofInTransaction,
                             long tooManyClients, long statementTimeouts, long otherLosses) {}
