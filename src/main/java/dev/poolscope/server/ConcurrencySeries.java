package dev.poolscope.server;

import java.util.ArrayList;
import java.util.List;

/**
 * Open sessions over time: the highest count in each bucket, at most {@link #MAX_BUCKETS} of them. The
 * bucket starts at one second and doubles (pairs merged by their maximum) when the log spans more.
 */
final class ConcurrencySeries {
    static final int MAX_BUCKETS = 2000;
    private long width = 1_000_000L;
    private long origin = ServerRecord.NO_TIME;
    private final List<long[]> buckets = new ArrayList<>();   // {index, max}

    void note(long time, long open) {
        if (time == ServerRecord.NO_TIME) {
            return;
        }
        if (origin == ServerRecord.NO_TIME) {
            origin = Math.floorDiv(time, width) * width;
        }
        long index = Math.max(0, Math.floorDiv(time - origin, width));
        while (index >= MAX_BUCKETS) {
            widen();
            index = Math.max(0, Math.floorDiv(time - origin, width));
        }
        long[] last = buckets.isEmpty() ? null : buckets.get(buckets.size() - 1);
        if (last != null && last[0] >= index) {
            last[1] = Math.max(last[1], open);   // same bucket, or a line a little out of order
        } else {
            buckets.add(new long[] {index, open});
        }
    }

    private void widen() {
        width *= 2;
        List<long[]> merged = new ArrayList<>();
        for (long[] b : buckets) {
            long index = b[0] / 2;
            long[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && last[0] == index) {
                last[1] = Math.max(last[1], b[1]);
            } else {
                merged.add(new long[] {index, b[1]});
            }
        }
        buckets.clear();
        buckets.addAll(merged);
    }

    /** Bucket width in microseconds. */
    long width() {
        return width;
    }

    List<ConcurrencyPoint> points() {
        List<ConcurrencyPoint> out = new ArrayList<>(buckets.size());
        for (long[] b : buckets) {
            out.add(new ConcurrencyPoint(origin + b[0] * width, b[1]));
        }
        return out;
    }
}
