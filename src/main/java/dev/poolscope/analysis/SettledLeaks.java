package dev.poolscope.analysis;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.function.Predicate;

/**
 * Open checkouts counted as leaks before the input ends, so that memory is bounded by checkouts in
 * flight rather than by leaks ever made (a log of millions of requests that never return their
 * connection). A checkout is settled when its request ended more than the grace period ago — exactly
 * the checkouts the end of the input would call leaks — or, past the open-checkout limit the heap
 * allows ({@link MemoryLimits}), when it is among the oldest half (a hostile or misconfigured log; the report says so). Totals stay
 * exact; only the oldest {@code maxItems} settled checkouts are kept as items. A checkin arriving after
 * its checkout was settled counts as an orphan putconn.
 */
final class SettledLeaks {
    /** Ended requests waiting out their grace period; beyond this the oldest is settled at once. */
    static final int MAX_ENDED = 100_000;
    private static final int REMEMBERED = 65_536;
    /** Checkout times sampled to find the median age when the limit is hit. */
    private static final int SAMPLE = 1 << 16;

    private record Ended(RequestKey key, long at) {}

    private final int maxItems;
    private final Predicate<RequestKey> timedOut;
    private final long maxOpen;
    private final ArrayDeque<Ended> ended = new ArrayDeque<>();
    /**
     * Youngest on top, in the listing's order ({@link LeakItem#OLDEST_FIRST}: time, process, file, line), so
     * that a tie in time at the cut keeps the checkout a summary's listing keeps, whatever order they settle in.
     */
    private final PriorityQueue<Checkout> kept = new PriorityQueue<>(LeakItem.OLDEST_FIRST.reversed());
    private final Map<String, Long> byEndpoint = new HashMap<>();
    /** Recently settled requests, so a request settled in two steps counts once. */
    private final Map<RequestKey, Boolean> recent = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<RequestKey, Boolean> eldest) {
            return size() > REMEMBERED;
        }
    };
    long checkouts;
    long requests;
    long timedOutRequests;
    long byLimit;

    SettledLeaks(int maxItems, Predicate<RequestKey> timedOut, long maxOpen) {
        this.maxItems = maxItems;
        this.timedOut = timedOut;
        this.maxOpen = maxOpen;
    }

    void requestEnded(RequestKey key, long at) {
        ended.addLast(new Ended(key, at));
    }

    /** Settles what the clock or the limits allow; {@code now} is the latest time seen. */
    void settle(OpenCheckouts open, long now, long grace) {
        while (!ended.isEmpty() && (now - ended.peekFirst().at() > grace || ended.size() > MAX_ENDED)) {
            RequestKey key = ended.removeFirst().key();
            for (int s : open.ofRequest(key.process(), key.requestId())) {
                if (open.requestEnded(s)) {
                    settle(open, s);
                    open.remove(s);
                }
            }
        }
        if (open.size() > maxOpen) {
            settleOldestHalf(open);
        }
    }

    /**
     * The oldest half, by a median taken from a sample of the store's times: no copy of the store, so
     * hitting the limit needs no memory of its own. Checkouts older than the median go first, then
     * ones at the median until half are settled.
     */
    private void settleOldestHalf(OpenCheckouts open) {
        long half = open.size() / 2;
        long step = Math.max(1, open.size() / SAMPLE);
        long[] sample = new long[(int) Math.min(SAMPLE, open.size())];
        int[] n = {0};
        long[] seen = {0};
        // (counting seen down instead samples the same checkouts: -k % step == 0 exactly when k % step == 0)
        open.forEach(s -> {
            if (seen[0]++ % step == 0 && n[0] < sample.length) {
                sample[n[0]++] = open.acquiredAt(s);
            }
        });
        long[] times = Arrays.copyOf(sample, n[0]);
        Arrays.sort(times);
        long median = times[times.length / 2];
        long[] done = {0};
        open.forEach(s -> {
            if (done[0] < half && open.acquiredAt(s) < median) {
                settle(open, s);
                open.remove(s);
                done[0]++;
            }
        });
        open.forEach(s -> {
            if (done[0] < half && open.acquiredAt(s) == median) {
                settle(open, s);
                open.remove(s);
                done[0]++;
            }
        });
        byLimit += done[0];
    }

    /** Counts one checkout as a leak; the caller removes it from the store. */
    private void settle(OpenCheckouts open, int s) {
        checkouts++;
        String endpoint = Endpoint.orUnknown(open.endpoint(s));
        if (!byEndpoint.containsKey(endpoint) && byEndpoint.size() >= Endpoint.MAX_DISTINCT) {
            endpoint = Endpoint.OTHER;
        }
        byEndpoint.merge(endpoint, 1L, Long::sum);
        // Younger than the youngest kept: decided on the time alone, no objects. A tie is added and the youngest
        // by the whole order dropped. ("kept.size() <= maxItems" is equivalent: a younger one is added and
        // dropped at once.)
        if (maxItems > 0 && (kept.size() < maxItems || open.acquiredAt(s) <= kept.peek().acquiredAt)) {
            kept.add(open.view(s));
            if (kept.size() > maxItems) {
                kept.poll();
            }
        }
        if (open.hasRequest(s)) {
            RequestKey key = new RequestKey(open.process(s), open.requestId(s));
            if (recent.put(key, Boolean.TRUE) == null) {
                requests++;
                timedOutRequests += timedOut.test(key) ? 1 : 0;
            }
        }
    }

    boolean counted(RequestKey key) {
        return recent.containsKey(key);
    }

    Iterable<Checkout> kept() {
        return kept;
    }

    Map<String, Long> byEndpoint() {
        return byEndpoint;
    }
}
