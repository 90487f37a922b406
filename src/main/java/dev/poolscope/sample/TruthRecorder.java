package dev.poolscope.sample;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** Accumulates the {@link Truth} from what the simulation writes, as it writes it. */
final class TruthRecorder {
    /**
     * docs/metrics.md, near-exhaustion windows: a pid silent for longer than this while above the threshold
     * is unknown, not above. The analysis applies the same bound (the merge gap, at least 60 s; the
     * samples are checked at gaps under 60 s), written out here on purpose rather than imported.
     */
    static final long STALE_AFTER_MICROS = 60_000_000L;

    long lines;
    long getconn;
    long putconn;
    long failed;
    long nearly;
    long exhaustionErrors;
    long timeoutEvents;
    long timeoutRequests;
    private long firstTs = Long.MIN_VALUE;
    private long lastTs;
    // Insertion-ordered so the build is deterministic; identity equality is what we want.
    private final Set<Checkout> open = new LinkedHashSet<>();
    private final Map<Integer, PidState> pids = new TreeMap<>();

    private static final class PidState {
        int maxUsed;
        long start = -1;
        long lastAbove;
        final List<Truth.Interval> intervals = new ArrayList<>();
    }

    void line(long ts) {
        lines++;
        if (firstTs == Long.MIN_VALUE) {
            firstTs = ts;
        }
        lastTs = ts;
    }

    void getconn(Checkout c) {
        getconn++;
        c.logged = true;
        open.add(c);
    }

    void putconn(Checkout c) {
        putconn++;
        open.remove(c); // no-op for a checkout taken before the log's first line
    }

    void timeoutEvent(Origin o) {
        timeoutEvents++;
        if (!o.timeoutCounted) {
            o.timeoutCounted = true;
            timeoutRequests++;
        }
    }

    void poolUsed(int pid, int used, long ts) {
        PidState s = pids.computeIfAbsent(pid, k -> new PidState());
        s.maxUsed = Math.max(s.maxUsed, used);
        if (s.start >= 0 && ts - s.lastAbove > STALE_AFTER_MICROS) {
            // silent past the staleness bound: the interval ends at its last sample above (docs/metrics.md)
            s.intervals.add(interval(s.start, s.lastAbove, s.lastAbove));
            s.start = -1;
        }
        if (used > Pool.THRESHOLD) {
            if (s.start < 0) {
                s.start = ts;
            }
            s.lastAbove = ts;
        } else if (s.start >= 0) {
            s.intervals.add(interval(s.start, s.lastAbove, ts));
            s.start = -1;
        }
    }

    Truth build(Scenario scenario, long seed, long bytes) {
        Map<String, long[]> byEndpoint = new TreeMap<>();
        Set<Origin> leakedOrigins = new LinkedHashSet<>();
        TreeSet<String> ids = new TreeSet<>();
        long timeoutLeft = 0;
        for (Checkout c : open) {
            long[] counts = byEndpoint.computeIfAbsent(c.origin.endpoint, k -> new long[2]);
            counts[0]++;
            if (leakedOrigins.add(c.origin)) {
                counts[1]++;
                if (c.origin.isRequest()) {
                    ids.add(c.origin.requestId);
                    timeoutLeft += c.origin.timeoutCounted ? 1 : 0;
                }
            }
        }
        long requestsWithoutClose = leakedOrigins.stream().filter(Origin::isRequest).count();
        List<String> idList = ids.stream().limit(Truth.REQUEST_ID_CAP).toList();
        Map<String, Truth.EndpointLeaks> endpoints = new TreeMap<>();
        byEndpoint.forEach((k, v) -> endpoints.put(k, new Truth.EndpointLeaks(v[0], v[1])));
        Map<Integer, Integer> maxUsed = new TreeMap<>();
        Map<Integer, List<Truth.Interval>> near = new TreeMap<>();
        pids.forEach((pid, s) -> {
            maxUsed.put(pid, s.maxUsed);
            List<Truth.Interval> list = new ArrayList<>(s.intervals);
            if (s.start >= 0) {
                list.add(interval(s.start, s.lastAbove, -1));
            }
            near.put(pid, List.copyOf(list));
        });
        boolean any = firstTs != Long.MIN_VALUE;
        return new Truth(scenario.slug(), seed, bytes, lines, getconn, putconn, getconn - putconn, failed,
                nearly, exhaustionErrors, open.size(), requestsWithoutClose, idList,
                ids.size() > idList.size(), endpoints, timeoutEvents, timeoutRequests, timeoutLeft,
                maxUsed, any ? Timestamps.format(firstTs) : null, any ? Timestamps.format(lastTs) : null,
                near);
    }

    private static Truth.Interval interval(long start, long lastAbove, long end) {
        return new Truth.Interval(Timestamps.format(start), Timestamps.format(lastAbove),
                end < 0 ? null : Timestamps.format(end));
    }
}
