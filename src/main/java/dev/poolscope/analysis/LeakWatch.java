package dev.poolscope.analysis;

import dev.poolscope.event.PoolEvent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Live leak suspicion, after HikariCP's leak detection: an open checkout older than the threshold, or
 * one whose request has ended, is reported once while still open; if its checkin comes later, it is
 * reported again as returned. Memory: the suspects are a subset of the open checkouts, and notices wait
 * for the next status line in a capped list (the rest are only counted).
 */
final class LeakWatch implements ReturnListener {
    /** Notices kept per status interval; a flood of suspects after a long outage is counted, not listed. */
    static final int MAX_NOTICES = 20;
    /**
     * Some frameworks log the request's end a moment before their teardown returns its connection; a
     * checkout counts as left behind by its request only once the end is this old.
     */
    static final long END_SKEW_MICROS = 1_000_000;

    private final long thresholdMicros;
    /** Suspects are flagged in the store (they are a subset of the open checkouts); this counts them. */
    private int suspects;
    private final List<LeakNotice> notices = new ArrayList<>();
    private long omitted;
    private long suspectedTotal;
    private long returnedTotal;

    LeakWatch(long thresholdMicros) {
        this.thresholdMicros = thresholdMicros;
    }

    @Override
    public void returned(Checkout c, long at) {
        boolean wasSuspect = c.suspect;
        suspects -= wasSuspect ? 1 : 0;
        long held = c.acquiredAt == PoolEvent.NO_TIME || at == PoolEvent.NO_TIME ? -1 : Math.max(0, at - c.acquiredAt);
        if (wasSuspect || held > thresholdMicros) {
            returnedTotal++;
            add(notice(LeakNotice.Kind.RETURNED, c, held, wasSuspect));
        }
    }

    /** Finds the open checkouts that became suspects by {@code now}; oldest are reported first. */
    void scan(CheckoutTracker tracker, long now) {
        List<Checkout> fresh = new ArrayList<>();
        tracker.live().forEach(c -> {
            if (!c.suspect && (leftBehind(c, now) || age(c, now) > thresholdMicros)) {
                fresh.add(c);
            }
        });
        fresh.sort(Comparator.comparingLong((Checkout c) -> c.acquiredAt));
        for (Checkout c : fresh) {
            tracker.live().markSuspect(c);
            suspects++;
            suspectedTotal++;
            add(notice(LeakNotice.Kind.SUSPECTED, c, age(c, now), false));
        }
    }

    void forget(Collection<Checkout> gone) {
        gone.forEach(c -> suspects -= c.suspect ? 1 : 0);
    }

    /** The notices since the last call, and how many more were only counted. */
    List<LeakNotice> drain() {
        List<LeakNotice> out = List.copyOf(notices);
        notices.clear();
        return out;
    }

    long drainOmitted() {
        long n = omitted;
        omitted = 0;
        return n;
    }

    int openSuspects() {
        return suspects;
    }

    long suspectedTotal() {
        return suspectedTotal;
    }

    long returnedTotal() {
        return returnedTotal;
    }

    /** Its request has ended, long enough ago that the checkin is not merely logged after the end. */
    static boolean leftBehind(Checkout c, long now) {
        return c.requestEnded && (c.endedAt == PoolEvent.NO_TIME || now == PoolEvent.NO_TIME
                || now - c.endedAt >= END_SKEW_MICROS);
    }

    static long age(Checkout c, long now) {
        return c.acquiredAt == PoolEvent.NO_TIME || now == PoolEvent.NO_TIME ? -1 : Math.max(0, now - c.acquiredAt);
    }

    private void add(LeakNotice n) {
        if (notices.size() < MAX_NOTICES) {
            notices.add(n);
        } else {
            omitted++;
        }
    }

    private static LeakNotice notice(LeakNotice.Kind kind, Checkout c, long held, boolean reportedOpen) {
        return new LeakNotice(kind, c.process, c.requestId, c.connId, c.endpoint, c.acquiredAt, held,
                c.requestEnded, reportedOpen);
    }
}
