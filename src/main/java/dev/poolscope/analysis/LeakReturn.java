package dev.poolscope.analysis;

import dev.poolscope.event.PoolEvent;

/**
 * An "unleaked" line: a suspected leak returned after all. Its request comes from the line's own MDC, else
 * from the warning it closes; {@code warning} is null when that warning is not in the log (or in an earlier
 * summary, until a merge finds it).
 */
public record LeakReturn(String process, String connection, String thread, long time, String requestId,
                         String endpoint, String source, long line, LeakWarning warning) {

    LeakReturn withWarning(LeakWarning w) {
        return new LeakReturn(process, connection, thread, time, requestId, endpoint, source, line, w);
    }

    LeakItem toItem(LeakOrigins origins) {
        LeakWarning w = warning;
        long borrowedAt = w == null ? PoolEvent.NO_TIME : w.borrowedAt();
        return new LeakItem(process, requestId != null ? requestId : w == null ? null : w.requestId(), connection,
                endpoint != null ? endpoint : w == null ? null : w.endpoint(), borrowedAt,
                time != PoolEvent.NO_TIME && borrowedAt != PoolEvent.NO_TIME ? time - borrowedAt : LeakItem.UNKNOWN_AGE,
                false, source, line, thread, w == null ? null : origins.origin(w.frames()));
    }
}
