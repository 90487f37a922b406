package dev.poolscope.analysis;

import dev.poolscope.event.PoolEvent;
import java.util.List;

/**
 * A HikariCP leak warning ("Connection leak detection triggered"), with the request its borrowing thread was
 * serving {@code leakDetectionThreshold} before it.
 *
 * @param thresholdMs the threshold the borrow time assumes; -1 when the log had given none yet (HikariCP's
 *                    minimum is assumed then)
 * @param requestId   the attributed request, or null when the thread's history had none before the borrow
 * @param history     the borrowing thread's last request changes up to the warning, kept only while a merge
 *                    with an earlier summary could still change the attribution ({@link #pending})
 */
public record LeakWarning(String process, String connection, String thread, long warnedAt, long thresholdMs,
                          String requestId, String endpoint, List<String> frames, String source, long line,
                          List<ThreadStep> history) {

    public LeakWarning {
        frames = List.copyOf(frames);
        history = List.copyOf(history);
    }

    /** When the connection was borrowed: the warning's time less the threshold. */
    public long borrowedAt() {
        long ms = thresholdMs > 0 ? thresholdMs : HikariLeaks.MIN_THRESHOLD_MS;
        return warnedAt == PoolEvent.NO_TIME ? PoolEvent.NO_TIME : warnedAt - ms * 1000;
    }

    /** Whether an earlier summary may still give the threshold or the thread's request. */
    public boolean pending() {
        return warnedAt != PoolEvent.NO_TIME && (thresholdMs <= 0 || requestId == null);
    }

    /** The same warning attributed again, with this threshold and history. */
    LeakWarning attributed(long threshold, ThreadStep serving, List<ThreadStep> steps) {
        LeakWarning w = new LeakWarning(process, connection, thread, warnedAt, threshold,
                serving == null ? null : serving.requestId(), serving == null ? null : serving.endpoint(), frames,
                source, line, List.of());
        return w.pending() ? new LeakWarning(process, connection, thread, warnedAt, threshold, w.requestId,
                w.endpoint, frames, source, line, steps) : w;
    }
}
