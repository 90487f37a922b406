package dev.poolscope.analysis;

import dev.poolscope.event.EventKind;
import dev.poolscope.event.PoolEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * The live twin of {@link Analysis} for {@code watch}: fed event by event for as long as the log grows,
 * it answers "how is the pool now" instead of building a report at the end. Pure like the rest of the
 * analysis: the caller says what time it is. Memory stays bounded however long it runs: open checkouts,
 * the live processes, and the capped structures of {@link CheckoutTracker} and {@link RequestContext};
 * no per-request history is kept.
 */
public final class LiveAnalysis {
    /** Oldest open checkouts listed in a status (alerts show them). */
    public static final int OLDEST_LISTED = 10;

    private static final Comparator<Checkout> YOUNGEST_FIRST =
            Comparator.comparingLong((Checkout c) -> c.acquiredAt).reversed();

    private final AnalysisOptions options;
    private final long forgetAfterMicros;
    private final FrontEnd front = new FrontEnd();
    private final CheckoutTracker checkouts;
    private final LiveProcesses processes = new LiveProcesses();
    private final LeakWatch leaks;
    /** Pool libraries' own lines (HikariCP leak warnings, stats, configuration), read as {@link Analysis} does. */
    private final LibraryTracker library;
    private long statementTimeouts;
    private long forgottenProcesses;
    private long forgottenCheckouts;

    public LiveAnalysis(AnalysisOptions options, Duration forgetAfter) {
        if (forgetAfter.isNegative() || forgetAfter.isZero()) {
            throw new IllegalArgumentException("forget period must be positive: " + forgetAfter);
        }
        this.options = options;
        this.forgetAfterMicros = forgetAfter.toNanos() / 1_000;
        this.checkouts = CheckoutTracker.live(options, front.uuids);
        this.leaks = new LeakWatch(options.leakThresholdMicros());
        this.library = new LibraryTracker(options);
        checkouts.onReturn(leaks);
    }

    public void accept(PoolEvent line) {
        PoolEvent raw = line.note() == null && line.kind() == EventKind.OTHER ? line : library.accept(line);
        PoolEvent e = front.enter(raw);
        checkouts.accept(e);
        processes.accept(e);
        if (e.statementTimeout()) {
            statementTimeouts++;
        }
    }

    /** Latest event time read so far, or {@link PoolEvent#NO_TIME}. */
    public long lastEventTime() {
        return front.counts().lastTime();
    }

    /**
     * The figures at log time {@code now}. Moves the live view forward: turns checkouts older than the leak
     * threshold into suspects, forgets processes silent since {@code now} − forget period, and hands out the
     * notices gathered since the previous call. Call it once per status line.
     */
    public LiveStatus status(long now) {
        leaks.scan(checkouts, now);   // first, so a catch-up still reports the leaks of processes about to go
        forgetSilent(now);
        long graceMicros = options.graceMicros();
        Set<RequestKey> withoutClose = new HashSet<>();
        PriorityQueue<Checkout> oldest = new PriorityQueue<>(YOUNGEST_FIRST);
        checkouts.live().forEach(c -> {
            long age = LeakWatch.age(c, now);
            if (c.requestId != null && (LeakWatch.leftBehind(c, now) || age > graceMicros)) {
                withoutClose.add(new RequestKey(c.process, c.requestId));
            }
            if (age >= 0) {
                oldest.add(c);
                if (oldest.size() > OLDEST_LISTED) {
                    oldest.poll();
                }
            }
        });
        List<LeakItem> listed = new ArrayList<>();
        for (Checkout c : oldest) {
            listed.add(c.toLeak(now));
        }
        listed.sort(Comparator.comparingLong(LeakItem::acquiredAt));
        int used = processes.usedNow(now, ProcessUsage.staleAfter(options.mergeGapMicros()));
        long delta = processes.leakDelta();
        LibraryResult lib = library.finish(now);
        // HikariCP logs no checkout: its getconn - putconn is unknown, so it is left out of the level, not judged 0
        Health health = Health.evaluate(options.thresholds(), used, lib.checkoutsLogged() ? delta : Health.UNKNOWN,
                withoutClose.size());
        LiveTotals totals = new LiveTotals(front.counts(), statementTimeouts, leaks.suspectedTotal(),
                leaks.returnedTotal(), processes.peakProcess(), processes.count(), forgottenProcesses,
                forgottenCheckouts);
        return new LiveStatus(now, health, used, processes.peak(), processes.poolMax(), checkouts.openCount(),
                delta, withoutClose.size(), listed, leaks.openSuspects(), totals, leaks.drain(),
                leaks.drainOmitted(), lib);
    }

    private void forgetSilent(long now) {
        long cutoff = now == PoolEvent.NO_TIME ? PoolEvent.NO_TIME : now - forgetAfterMicros;
        for (String process : processes.forgetSilentSince(cutoff)) {
            List<Checkout> gone = checkouts.live().forget(process);
            leaks.forget(gone);
            forgottenProcesses++;
            forgottenCheckouts += gone.size();
        }
    }
}
