package dev.poolscope.server;

import java.util.List;
import java.util.Map;

/**
 * Sessions as {@code log_connections} and {@code log_disconnections} show them.
 *
 * @param count          sessions: authorized and not refused, plus those seen only by their disconnection
 *                       (begun before the log); null when the log has neither kind of line
 * @param beganBeforeLog disconnections of sessions whose start is not in the log
 * @param openAtEnd      authorized sessions without a disconnection by the end of the log
 * @param peak           most sessions open at once, counting those begun before the log; null without
 *                       disconnection lines (a session's end is then unknown)
 * @param lengths        from the disconnection lines' session time; null without them
 * @param concurrency    open sessions (begun in the log) over time
 */
public record SessionFigures(long connectionsReceived, long authorizations, long disconnections, Long count,
                             long beganBeforeLog, long openAtEnd, Long peak, long peakAt, Integer maxConnections,
                             SessionLengths lengths, List<SessionRow> longest, Map<String, Long> byUser,
                             Map<String, Long> byDatabase, Map<String, Long> byClient,
                             List<ConcurrencyPoint> concurrency, long concurrencyBucketMicros) {

    public SessionFigures {
        longest = List.copyOf(longest);
        byUser = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(byUser));
        byDatabase = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(byDatabase));
        byClient = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(byClient));
        concurrency = List.copyOf(concurrency);
    }
}
