package dev.poolscope.analysis;

import java.util.List;

/**
 * The live figures at one moment of a watch, for the status line, alerts and metrics.
 *
 * @param time                 the log time these figures are for (see {@link LiveAnalysis#status})
 * @param health               the health table on the live figures; its verdict is the level
 * @param usedNow              connections in use now in the fullest live process whose usage was sampled
 *                             within the staleness bound (docs/metrics.md); -1 (n/a) when none was
 * @param usedPeak             highest usage seen since the watch began, or -1 (n/a) when none was ever known
 * @param poolMax              largest pool size the live processes stated, or -1
 * @param leakDelta            getconn − putconn of the live processes
 * @param requestsWithoutClose requests holding a checkout after their end, or for longer than the grace
 * @param oldest               the oldest open checkouts (ages at {@code time}), oldest first, capped
 * @param openSuspects         open checkouts reported as leak suspects
 * @param notices              leak suspicions and returns since the previous status, capped
 * @param noticesOmitted       further notices that were only counted
 * @param library              what pool libraries' own lines said so far (issue #16): HikariCP's leak warnings,
 *                             whether checkouts are logged at all; {@link LibraryResult#none()} for structlog
 */
public record LiveStatus(long time, Health health, int usedNow, int usedPeak, int poolMax, long openCheckouts,
                         long leakDelta, long requestsWithoutClose, List<LeakItem> oldest, int openSuspects,
                         LiveTotals totals, List<LeakNotice> notices, long noticesOmitted, LibraryResult library) {

    public LiveStatus {
        oldest = List.copyOf(oldest);
        notices = List.copyOf(notices);
        java.util.Objects.requireNonNull(library, "library");
    }

    /** Whether getconn and putconn are known: false when only HikariCP, which logs no checkout, was read. */
    public boolean checkoutsLogged() {
        return library.checkoutsLogged();
    }

    /** Whether HikariCP's leak detection figures are known (its lines were read). */
    public boolean leakWarningsKnown() {
        return library.leakDetection() || library.libraryLines().values().stream().anyMatch(m -> m.containsKey("hikaricp"));
    }

    /** HikariCP leak warnings not (yet) followed by "unleaked": connections held past its leak threshold. */
    public long leakWarningsOpen() {
        return library.trueLeakCount();
    }

    public Level level() {
        return health.verdict();
    }
}
