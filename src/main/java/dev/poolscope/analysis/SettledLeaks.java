package dev.poolscope.analysis;

import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.function.Predicate;

/**
 * Open checkouts counted as leaks before the input ends, so that memory is bounded by checkouts in
 * flight rather than by leaks ever made (a log of millions of requests that never return their
 * connection). A checkout is settled when its request ended more than the grace period ago — exactly
 * the checkouts the end of the input would call leaks — or, past {@link #MAX_OPEN} open checkouts,
 * when it is among the oldest half (a hostile or misconfigured log; the report says so). Totals stay
 * exact; only the oldest {@code maxItems} settled checkouts are kept as items. A checkin arriving after
 * its checkout was settled counts as an orphan putconn.
 */
final class SettledLeaks {
    /** About 400 bytes each: keeps the tracker near 100 MB in the worst case. */
    static final int MAX_OPEN = 250_000;
    /** Ended requests waiting out their grace period; beyond this the oldest is settled at once. */
    static final int MAX_ENDED = 100_000;
    private static final int REMEMBERED = 65_536;

    private record Ended(RequestKey key, long at) {}

    private final int maxItems;
    private final Predicate<RequestKey> timedOut;
    private final ArrayDeque<Ended> ended = new ArrayDeque<>();
    private final PriorityQueue<Checkout> kept =
            new PriorityQueue<>(Comparator.comparingLong((Checkout c) -> c.acquiredAt).reversed());
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

    SettledLeaks(int maxItems, Predicate<RequestKey> timedOut) {
        this.maxItems = maxItems;
        this.timedOut = timedOut;
    }

    void requestEnded(RequestKey key, long at) {
        ended.addLast(new Ended(key, at));
    }

    /** Settles what the clock or the limits allow; {@code now} is the latest time seen. */
    void settle(OpenCheckouts open, long now, long grace) {
        while (!ended.isEmpty() && (now - ended.peekFirst().at() > grace || ended.size() > MAX_ENDED)) {
            RequestKey key = ended.removeFirst().key();
            List<Checkout> left = new java.util.ArrayList<>(open.ofRequest(key));
            left.removeIf(c -> !c.requestEnded);
            settleAll(open, left);
        }
        if (open.size() > MAX_OPEN) {
            List<Checkout> all = new java.util.ArrayList<>();
            open.forEach(all::add);
            all.sort(Comparator.comparingLong((Checkout c) -> c.acquiredAt));
            List<Checkout> oldest = all.subList(0, all.size() / 2);
            byLimit += oldest.size();
            settleAll(open, oldest);
        }
    }

    private void settleAll(OpenCheckouts open, List<Checkout> checkouts) {
        for (Checkout c : checkouts) {
            open.remove(c);
            this.checkouts++;
            String endpoint = Endpoint.orUnknown(c.endpoint);
            if (!byEndpoint.containsKey(endpoint) && byEndpoint.size() >= Endpoint.MAX_DISTINCT) {
                endpoint = Endpoint.OTHER;
            }
            byEndpoint.merge(endpoint, 1L, Long::sum);
            kept.add(c);
            if (kept.size() > maxItems) {
                kept.poll();
            }
            if (c.requestId != null) {
                RequestKey key = new RequestKey(c.process, c.requestId);
                if (recent.put(key, Boolean.TRUE) == null) {
                    requests++;
                    timedOutRequests += timedOut.test(key) ? 1 : 0;
                }
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
