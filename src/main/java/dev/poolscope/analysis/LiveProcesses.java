package dev.poolscope.analysis;

import dev.poolscope.event.EventKind;
import dev.poolscope.event.PoolEvent;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The pool of each process as it is now: connections in use (stated by the log, or reconstructed from
 * checkouts minus checkins, as in {@link ProcessUsage}) and getconn − putconn. A process silent for
 * the forget period is taken as gone (restarted, scaled down): its figures leave the live view, which
 * is what lets the level recover after a restart, and what keeps memory bounded when process ids churn.
 */
final class LiveProcesses {
    /** A hard cap for logs whose process ids change faster than the forget period can clear them. */
    static final int MAX_PROCESSES = 10_000;

    private static final class Pool {
        long lastSeen = PoolEvent.NO_TIME;
        /** When the pool's usage was last stated or reconstructed, or NO_TIME. */
        long usedAt = PoolEvent.NO_TIME;
        boolean reports;
        int used;
        int open;
        int max = -1;
        long getconn;
        long putconn;
    }

    private final Map<String, Pool> pools = new LinkedHashMap<>(16, 0.75f, true);
    private final List<String> evicted = new ArrayList<>();
    private long latest = PoolEvent.NO_TIME;
    private int peak = -1;
    private String peakProcess;

    void accept(PoolEvent e) {
        latest = Math.max(latest, e.time());
        Pool p = pools.get(e.process());
        if (p == null) {
            p = new Pool();
            pools.put(e.process(), p);
            evictOverCap();
        }
        p.lastSeen = Math.max(p.lastSeen, e.hasTime() ? e.time() : latest);
        p.max = Math.max(p.max, e.poolMax());
        if (e.kind() == EventKind.CHECKOUT) {
            p.open++;
            p.getconn++;
        } else if (e.kind() == EventKind.CHECKIN) {
            p.open = Math.max(0, p.open - 1);
            p.putconn++;
        }
        boolean changes = e.kind() == EventKind.CHECKOUT || e.kind() == EventKind.CHECKIN;
        if (e.hasPoolUsed()) {
            p.reports = true;
            p.used = e.poolUsed();
            p.usedAt = p.lastSeen;
        } else if (!p.reports) {
            p.used = p.open;
            p.usedAt = changes ? p.lastSeen : p.usedAt;
        }
        if (p.usedAt != PoolEvent.NO_TIME && p.used > peak) {
            peak = p.used;
            peakProcess = e.process();
        }
    }

    /** Forgets processes last seen before {@code cutoff}; returns them with any evicted over the cap. */
    List<String> forgetSilentSince(long cutoff) {
        List<String> gone = new ArrayList<>(evicted);
        evicted.clear();
        for (Iterator<Map.Entry<String, Pool>> it = pools.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, Pool> entry = it.next();
            long seen = entry.getValue().lastSeen;
            if (seen != PoolEvent.NO_TIME && seen < cutoff) {
                gone.add(entry.getKey());
                it.remove();
            }
        }
        return gone;
    }

    /**
     * Connections in use now in the fullest live process (each process has its own pool), counting only
     * usage sampled within {@code staleAfter} of {@code now}: a process silent for longer is unknown, not
     * critical, as in {@link ProcessUsage}. -1 (n/a) when no usage was sampled recently, or ever: a log
     * that never states nor implies pool usage (issue #15) has an unknown pool used, not 0.
     */
    int usedNow(long now, long staleAfter) {
        int used = -1;
        for (Pool p : pools.values()) {
            if (p.usedAt != PoolEvent.NO_TIME && (now == PoolEvent.NO_TIME || now - p.usedAt <= staleAfter)) {
                used = Math.max(used, p.used);
            }
        }
        return used;
    }

    /** The largest pool size the live processes stated, or -1. */
    int poolMax() {
        int max = -1;
        for (Pool p : pools.values()) {
            max = Math.max(max, p.max);
        }
        return max;
    }

    /** getconn − putconn of the live processes. */
    long leakDelta() {
        long delta = 0;
        for (Pool p : pools.values()) {
            delta += p.getconn - p.putconn;
        }
        return delta;
    }

    int count() {
        return pools.size();
    }

    /** Highest usage any process reached since the start, forgotten ones included. */
    int peak() {
        return peak;
    }

    String peakProcess() {
        return peakProcess;
    }

    private void evictOverCap() {
        if (pools.size() > MAX_PROCESSES) {
            Iterator<String> eldest = pools.keySet().iterator();
            evicted.add(eldest.next());
            eldest.remove();
        }
    }
}
