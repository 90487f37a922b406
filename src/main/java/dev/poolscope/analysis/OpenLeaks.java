package dev.poolscope.analysis;

import dev.poolscope.event.PoolEvent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Which open checkouts are leaks at a given time: those whose request has logged its end, or older than
 * the grace period (docs/metrics.md). Leaks settled early ({@link SettledLeaks}, one-pass analyses only)
 * are only counted, and count as leaks wherever asked.
 */
final class OpenLeaks {
    private final OpenCheckouts open;
    private final long graceMicros;
    /** Null unless leaks are settled early. */
    private final SettledLeaks settled;

    OpenLeaks(OpenCheckouts open, long graceMicros, SettledLeaks settled) {
        this.open = open;
        this.graceMicros = graceMicros;
        this.settled = settled;
    }

    boolean isLeak(int s, long lastTime) {
        long at = open.acquiredAt(s);
        return open.requestEnded(s) || at != PoolEvent.NO_TIME && lastTime - at > graceMicros;
    }

    /** Every leak still open, uncapped, oldest first. */
    List<LeakItem> all(long lastTime) {
        List<LeakItem> leaks = new ArrayList<>();
        open.forEach(s -> {
            if (isLeak(s, lastTime)) {
                leaks.add(open.view(s).toLeak(lastTime));
            }
        });
        leaks.sort(LeakItem.OLDEST_FIRST);
        return leaks;
    }

    /** The open checkouts at the end, counted in one pass over the store. */
    record Tally(OldestItems leaks, OldestItems inFlight, long[] leaksOf, long[] openOf, long requests) {
        /** Adds the open checkouts to their endpoints' checkouts, and the leaks to their endpoints' leaks. */
        void addByEndpoint(OpenCheckouts open, Map<String, Long> leaks, Map<String, EndpointHolds> checkouts) {
            for (int ctx = 0; ctx < openOf.length; ctx++) {
                if (openOf[ctx] == 0) {
                    continue;
                }
                String name = Endpoint.orUnknown(open.endpointOfContext(ctx));
                checkouts.computeIfAbsent(name, k -> new EndpointHolds()).checkouts += openOf[ctx];
                if (leaksOf[ctx] > 0) {
                    leaks.merge(name, leaksOf[ctx], Long::sum);
                }
            }
        }
    }

    /**
     * Counts per context and of distinct leaked requests, and reads only the oldest {@code maxItems} leaks
     * and in-flight checkouts into objects, so that the end of a log with millions of open checkouts needs
     * no memory per checkout.
     */
    Tally tally(int maxItems, long lastTime) {
        OldestItems leaks = new OldestItems(maxItems, lastTime);
        OldestItems inFlight = new OldestItems(maxItems, lastTime);
        long[] leaksOf = new long[open.contexts()];
        long[] openOf = new long[open.contexts()];
        long[] requests = {0};
        open.forEach(s -> {
            int ctx = open.context(s);
            openOf[ctx]++;
            if (!isLeak(s, lastTime)) {
                inFlight.offer(open, s);
                return;
            }
            leaksOf[ctx]++;
            leaks.offer(open, s);
            if (open.hasRequest(s) && firstLeakOfRequest(s, lastTime) && !settledEarlier(s)) {
                requests[0]++;
            }
        });
        return new Tally(leaks, inFlight, leaksOf, openOf, requests[0]);
    }

    /** Whether no leak of the same request arrived before this one: each leaked request counts once. */
    private boolean firstLeakOfRequest(int s, long lastTime) {
        boolean[] first = {true};
        open.forEachSameRequest(s, t -> {
            if (t < s && isLeak(t, lastTime)) {   // a lower slot is an earlier checkout
                first[0] = false;
            }
        });
        return first[0];
    }

    /** Whether the request was counted already when some of its leaks were settled early. */
    private boolean settledEarlier(int s) {
        // requests > 0 only skips the look-up: no request counted means none remembered (">= 0" is equivalent)
        return settled != null && settled.requests > 0
                && settled.counted(new RequestKey(open.process(s), open.requestId(s)));
    }

    /**
     * How many of these requests hold a leak at the end (not counting those whose leaks were settled early
     * and counted then): the requests that timed out and leaked, without a set of every leaked request.
     */
    long leakedAmong(Collection<RequestKey> keys, long lastTime) {
        long n = 0;
        for (RequestKey key : keys) {
            if (key.requestId() == null || settled != null && settled.counted(key)) {
                continue;
            }
            boolean[] leaked = {false};
            open.forEachOfRequest(key.process(), key.requestId(), s -> leaked[0] |= isLeak(s, lastTime));
            n += leaked[0] ? 1 : 0;
        }
        return n;
    }

    /**
     * What holds a process's connections now: {@code [open, never returned so far]}, where never returned
     * means its request already ended or it is older than the grace period. Leaks settled early count as
     * never returned, whatever their process (they are only counted). Walks the open checkouts: called
     * when the pool runs dry, a bounded number of times ({@link ExhaustionProbe}).
     */
    long[] heldBy(String process, long now) {
        long[] out = new long[2];
        open.forEach(s -> {
            if (Objects.equals(open.process(s), process)) {
                out[0]++;
                long at = open.acquiredAt(s);
                boolean old = now != PoolEvent.NO_TIME && at != PoolEvent.NO_TIME && now - at > graceMicros;
                out[1] += open.requestEnded(s) || old ? 1 : 0;
            }
        });
        long settledCount = settled == null ? 0 : settled.checkouts;
        out[0] += settledCount;
        out[1] += settledCount;
        return out;
    }
}
