package dev.poolscope.server;

import java.util.List;

/**
 * What the session count of one summary needs to continue into the next (docs/summaries.md): the level of open
 * sessions (authorized minus ended) at the end and its highest point, the sessions still open at the end, and
 * the disconnections of sessions that began before this summary. A merge matches the two by pid.
 * At most {@link #MAX} of each list are kept; beyond that a session is counted once in each summary.
 *
 * @param peakLevel highest level, {@link Long#MIN_VALUE} when it never changed
 */
public record SessionCarry(long level, long peakLevel, long peakAt, List<Session> open, List<Session> endedBefore) {
    public static final int MAX = 10_000;

    public SessionCarry {
        open = List.copyOf(open);
        endedBefore = List.copyOf(endedBefore);
    }

    public static SessionCarry empty() {
        return new SessionCarry(0, Long.MIN_VALUE, ServerRecord.NO_TIME, List.of(), List.of());
    }

    /** A session by pid, with what its lines named; {@code time} is its start (open) or end (ended before). */
    public record Session(int pid, long time, String application, String user, String database, String host) {}
}
