package dev.poolscope.analysis;

import dev.poolscope.event.EventKind;
import dev.poolscope.event.PoolEvent;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.Objects;

/**
 * Checkins that found no open checkout, and request ends, held while the log's clock still shows
 * their time. A log sorted by timestamp (an export from a log store, several files merged with
 * {@code sort}) puts events stamped with the same millisecond in any order, so a checkin may come
 * before its own checkout, or a request's end before its last checkout. A checkout with the same
 * time as a held event of its own ids pairs with it or is marked ended; held checkins become
 * orphans once a later time is seen. Only exact ties count: a checkin stamped earlier than its
 * checkout is a clock problem, reported as such, not repaired.
 */
final class SameTimeEvents {
    /** Bounds memory when a hostile log stamps millions of events with one time. */
    static final int MAX_HELD = 4096;

    private final ArrayDeque<PoolEvent> held = new ArrayDeque<>();

    /** Holds a timed unmatched checkin or request end; returns 1 if an older held checkin had to be given up (an orphan). */
    int hold(PoolEvent e) {
        held.addLast(e);
        if (held.size() > MAX_HELD) {
            return held.removeFirst().kind() == EventKind.CHECKIN ? 1 : 0;
        }
        return 0;
    }

    /** Drops what is older than {@code now}; returns the number of checkins dropped, which are orphans. */
    int expire(long now) {
        int orphans = 0;
        while (!held.isEmpty() && held.peekFirst().time() < now) {
            orphans += held.removeFirst().kind() == EventKind.CHECKIN ? 1 : 0;
        }
        return orphans;
    }

    /** Removes and returns a held checkin with the checkout's time that closes it, or null. */
    PoolEvent checkinFor(PoolEvent checkout) {
        for (Iterator<PoolEvent> it = held.descendingIterator(); it.hasNext(); ) {
            PoolEvent e = it.next();
            if (e.kind() == EventKind.CHECKIN && e.time() == checkout.time() && closes(e, checkout)) {
                it.remove();
                return e;
            }
        }
        return null;
    }

    /** Whether the checkout's request logged its end at the checkout's own time. */
    boolean endedAtSameTime(PoolEvent checkout) {
        if (checkout.requestId() == null) {
            return false;
        }
        for (PoolEvent e : held) {
            if (e.kind() == EventKind.REQUEST_END && e.time() == checkout.time()
                    && e.process().equals(checkout.process()) && checkout.requestId().equals(e.requestId())) {
                return true;
            }
        }
        return false;
    }

    /** Held checkins still waiting; orphans if the input ends now. */
    long checkins() {
        return held.stream().filter(e -> e.kind() == EventKind.CHECKIN).count();
    }

    /** The same rules as {@link OpenCheckouts#close}: the connection decides, else the request, else neither has ids. */
    private static boolean closes(PoolEvent in, PoolEvent out) {
        if (!Objects.equals(in.process(), out.process())) {
            return false;
        }
        if (in.connId() != null) {
            return in.connId().equals(out.connId());
        }
        if (in.requestId() != null) {
            return in.requestId().equals(out.requestId());
        }
        return out.requestId() == null && out.connId() == null;
    }
}
