package dev.poolscope.analysis;

import dev.poolscope.event.PoolEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Per-minute tallies of one pass, for daily rows and usage charts; merges by adding minutes. */
public final class MinuteTimeline implements UsageSink {
    public static final long BUCKET_MICROS = 60_000_000L;

    private final TreeMap<Long, Bucket> buckets = new TreeMap<>();
    private long lastKey = Long.MIN_VALUE;
    private Bucket last;

    private static final class Bucket {
        long getconn;
        long putconn;
        long failed;
        long nearly;
        long timeouts;
        int peak = -1;
        long above;
        Map<String, Long> timeoutEndpoints;
    }

    /** Counts an event (already given a time and endpoint by the request context, where it could be). */
    void count(PoolEvent e) {
        if (!e.hasTime()) {
            return;
        }
        Bucket b = bucket(e.time());
        switch (e.kind()) {
            case CHECKOUT -> b.getconn++;
            case CHECKIN -> b.putconn++;
            case CHECKOUT_FAILED -> b.failed++;
            case NEARLY_EXHAUSTED -> b.nearly++;
            default -> { }
        }
        if (e.statementTimeout()) {
            b.timeouts++;
            if (b.timeoutEndpoints == null) {
                b.timeoutEndpoints = new HashMap<>(4);
            }
            b.timeoutEndpoints.merge(Endpoint.orUnknown(e.endpoint()), 1L, Long::sum);
        }
    }

    @Override
    public void used(long time, int used) {
        if (time != PoolEvent.NO_TIME) {
            Bucket b = bucket(time);
            b.peak = Math.max(b.peak, used);
        }
    }

    @Override
    public void above(long from, long to) {
        // "to < from" would do the same: an empty span runs the loop below zero times (equivalent mutant).
        if (from == PoolEvent.NO_TIME || to <= from) {
            return;
        }
        long t = from;
        while (t < to) {
            long end = Math.min(to, Math.floorDiv(t, BUCKET_MICROS) * BUCKET_MICROS + BUCKET_MICROS);
            bucket(t).above += end - t;
            t = end;
        }
    }

    private Bucket bucket(long time) {
        long key = Math.floorDiv(time, BUCKET_MICROS) * BUCKET_MICROS;
        if (key != lastKey) {
            lastKey = key;
            last = buckets.computeIfAbsent(key, k -> new Bucket());
        }
        return last;
    }

    void add(List<TimelineRow> rows) {
        for (TimelineRow r : rows) {
            Bucket b = bucket(r.start());
            b.getconn += r.getconn();
            b.putconn += r.putconn();
            b.failed += r.getconnFailed();
            b.nearly += r.nearlyExhausted();
            b.timeouts += r.statementTimeouts();
            b.peak = Math.max(b.peak, r.peakUsed());
            b.above += r.aboveMicros();
            if (!r.timeoutsByEndpoint().isEmpty()) {
                if (b.timeoutEndpoints == null) {
                    b.timeoutEndpoints = new HashMap<>(4);
                }
                r.timeoutsByEndpoint().forEach((k, v) -> b.timeoutEndpoints.merge(k, v, Long::sum));
            }
        }
    }

    public List<TimelineRow> rows() {
        List<TimelineRow> rows = new ArrayList<>(buckets.size());
        buckets.forEach((start, b) -> rows.add(new TimelineRow(start, b.getconn, b.putconn, b.failed, b.nearly,
                b.timeouts, b.peak, b.above, b.timeoutEndpoints == null ? Map.of() : b.timeoutEndpoints)));
        return rows;
    }
}
