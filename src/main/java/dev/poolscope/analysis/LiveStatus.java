package dev.poolscope.analysis;

import java.util.List;

/**
 * The live figures at one moment of a watch, for the status line, alerts and metrics.
 *
 * @param time                 the log time these figures are for (see {@link LiveAnalysis#status})
 * @param health               the health table on the live figures; its verdict is the level
 * @param usedNow              connections in use now in the fullest live process whose usage was sampled
 *                             within the staleness bound (docs/metrics.md); -1 (n/a) when none was
 * @param usedPeak             highest usage seen since the watch began
 * @param poolMax              largest pool size the live processes stated, or -1
 * @param leakDelta            getconn − putconn of the live processes
 * @param requestsWithoutClose requests holding a checkout after their end, or for longer than the grace
 * @param oldest               the oldest open checkouts (ages at {@code time}), oldest first, capped
 * @param openSuspects         open checkouts reported as leak suspects
 * @param notices              leak suspicions and returns since the previous status, capped
 * @param noticesOmitted       further notices that were only counted
 */
public record LiveStatus(long time, Health health, int usedNow, int usedPeak, int poolMax, long openCheckouts,
                         long leakDelta, long requestsWithoutClose, List<LeakItem> oldest, int openSuspects,
                         LiveTotals totals, List<LeakNotice> notices, long noticesOmitted) {

    public LiveStatus {
        oldest = List.copyOf(oldest);
        notices = List.copyOf(notices);
    }

    public Level level() {
        return health.verdict();
    }
}
