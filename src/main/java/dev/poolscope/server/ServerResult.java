package dev.poolscope.server;

import java.util.List;
import java.util.Map;

/**
 * What PostgreSQL's own log says about connections: sessions, refusals, connections it ended while they
 * sat in a transaction (the server-side leak signal), statement timeouts, other losses.
 *
 * @param formats            each server input and its format
 * @param unparsedLines      lines of a server log that were no record of its format (never app-malformed)
 * @param heldInTransaction  idle-in-transaction kills and EOFs with an open transaction, oldest first (capped)
 * @param otherLosses        admin terminations, protocol violations, resets, lost connections, idle-session kills
 */
public record ServerResult(Map<String, String> formats, long records, long unparsedLines, long unknownZones,
                           long from, long to, SessionFigures sessions, long tooManyClients,
                           Map<String, Long> tooManyClientsByMessage, List<RefusalWindow> tooManyClientsWindows,
                           List<Refusal> refusals, long idleInTransactionKills, long eofInTransaction,
                           List<SessionLoss> heldInTransaction, long statementTimeouts, long userCancels,
                           List<StatementRow> timeoutsByStatement, List<ServerTimeout> timeoutItems,
                           Map<String, Long> otherLosses, List<SessionLoss> otherLossItems,
                           List<ApplicationRow> byApplication) {

    public ServerResult {
        formats = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(formats));
        tooManyClientsByMessage = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(tooManyClientsByMessage));
        tooManyClientsWindows = List.copyOf(tooManyClientsWindows);
        refusals = List.copyOf(refusals);
        heldInTransaction = List.copyOf(heldInTransaction);
        timeoutsByStatement = List.copyOf(timeoutsByStatement);
        timeoutItems = List.copyOf(timeoutItems);
        otherLosses = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(otherLosses));
        otherLossItems = List.copyOf(otherLossItems);
        byApplication = List.copyOf(byApplication);
    }

    /** Idle-in-transaction kills plus EOFs inside a transaction: connections a client left holding a transaction. */
    public long heldInTransactionCount() {
        return idleInTransactionKills + eofInTransaction;
    }
}
