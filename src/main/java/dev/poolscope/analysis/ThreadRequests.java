package dev.poolscope.analysis;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Which request each thread was serving when, from the thread's own lines and their MDC (issue #16): a
 * HikariCP leak warning is logged on the housekeeper without MDC, naming the borrowing thread, and the
 * borrow happened {@code leakDetectionThreshold} earlier. Memory is bounded: per thread only the moments
 * its request changed, no older than the look-back horizon (the newest older one is kept), at most
 * {@link #PER_THREAD}; at most {@link #THREADS} threads.
 */
final class ThreadRequests {
    static final int PER_THREAD = 1024;
    static final int THREADS = 10_000;

    /** The request a thread started logging for at a time. */
    record Serving(long time, String requestId, String endpoint) {}

    private final Map<String, ArrayDeque<Serving>> threads = new HashMap<>();
    private long dropped;

    /** A line of {@code thread} (keyed with its process) carrying request {@code requestId}. */
    void saw(String key, long time, String requestId, String endpoint, long horizonMicros) {
        ArrayDeque<Serving> list = threads.get(key);
        if (list == null) {
            if (threads.size() >= THREADS) {
                dropped++;
                return;
            }
            list = new ArrayDeque<>();
            threads.put(key, list);
        }
        Serving last = list.peekLast();
        if (last != null && last.requestId().equals(requestId)) {
            if (last.endpoint() == null && endpoint != null) {
                list.pollLast();
                list.addLast(new Serving(last.time(), requestId, endpoint));
            }
            return;
        }
        list.addLast(new Serving(time, requestId, endpoint));
        prune(list, time - horizonMicros);
    }

    /** Drops entries that can no longer be the newest at or before any time from {@code oldest} on. */
    private void prune(ArrayDeque<Serving> list, long oldest) {
        while (list.size() > PER_THREAD) {
            list.pollFirst();
            dropped++;
        }
        while (list.size() > 1) {
            Iterator<Serving> it = list.iterator();
            it.next();
            if (it.next().time() <= oldest) {
                list.pollFirst();
            } else {
                return;
            }
        }
    }

    /** The request the thread was serving at {@code time}: its newest change at or before it; null when unknown. */
    Serving at(String key, long time) {
        ArrayDeque<Serving> list = threads.get(key);
        if (list == null) {
            return null;
        }
        Serving best = null;
        for (Serving s : list) {   // lines of one thread may be a few ms out of order: compare times, not places
            if (s.time() <= time && (best == null || s.time() >= best.time())) {
                best = s;
            }
        }
        return best;
    }

    /** Entries or threads not kept because a bound was reached (attribution may then be approximate). */
    long dropped() {
        return dropped;
    }
}
