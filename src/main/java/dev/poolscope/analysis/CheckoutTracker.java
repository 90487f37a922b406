package dev.poolscope.analysis;

import dev.poolscope.event.EventKind;
import dev.poolscope.event.PoolEvent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Pairs every checkout with its checkin. What is left open at the end is a leak when its request
 * has since logged its end, or when it is older than the grace period at the last timestamp;
 * the rest is in flight (the log was cut while they were working).
 */
public final class CheckoutTracker implements Analyzer<CheckoutResult> {
    private static final Comparator<LongHold> BY_HELD = Comparator.comparingLong(LongHold::heldMicros);

    private final AnalysisOptions options;
    private final OpenCheckouts open = new OpenCheckouts();
    private final HoldTimes holdTimes = new HoldTimes();
    private final Map<String, EndpointHolds> endpoints = new HashMap<>();
    private final PriorityQueue<LongHold> longest = new PriorityQueue<>(BY_HELD);
    private long longHoldCount;
    private final SameTimeEvents ties = new SameTimeEvents();
    private long orphans;
    private long negativeHolds;
    private long sameTimeReorders;
    private long lastTime = PoolEvent.NO_TIME;

    private final SettledLeaks settled;

    public CheckoutTracker(AnalysisOptions options) {
        this(options, key -> false);
    }

    /** @param timedOut whether a request has hit a statement timeout so far (for leaks settled early) */
    public CheckoutTracker(AnalysisOptions options, Predicate<RequestKey> timedOut) {
        this.options = options;
        this.settled = new SettledLeaks(options.maxItems(), timedOut);
    }

    @Override
    public void accept(PoolEvent e) {
        lastTime = Math.max(lastTime, e.time());
        if (e.hasTime()) {
            orphans += ties.expire(e.time());
        }
        switch (e.kind()) {
            case CHECKOUT -> checkout(e);
            case CHECKIN -> checkin(e);
            case REQUEST_END -> markEnded(e);
            default -> { }
        }
        if (e.endpoint() != null && e.requestId() != null && e.kind() != EventKind.CHECKOUT) {
            nameEndpoint(e);
        }
        if (e.kind() == EventKind.REQUEST_END || e.kind() == EventKind.CHECKOUT) {
            settled.settle(open, lastTime, options.graceMicros());
        }
    }

    private void checkout(PoolEvent e) {
        Checkout c = new Checkout(e.process(), e.requestId(), e.connId(), e.time(), e.endpoint(), e.source(), e.line());
        PoolEvent early = e.hasTime() ? ties.checkinFor(e) : null;
        if (early != null) {
            sameTimeReorders++;
            closed(c, early);
            return;
        }
        c.requestEnded = e.hasTime() && ties.endedAtSameTime(e);
        open.add(c);
    }

    private void checkin(PoolEvent e) {
        Checkout c = open.close(e.process(), e.requestId(), e.connId());
        if (c != null) {
            closed(c, e);
        } else if (e.hasTime()) {
            orphans += ties.hold(e);   // its checkout may still come, stamped with the same time
        } else {
            orphans++;
        }
    }

    private void closed(Checkout c, PoolEvent e) {
        if (c.endpoint == null) {
            c.endpoint = e.endpoint();
        }
        boolean timed = c.acquiredAt != PoolEvent.NO_TIME && e.hasTime();
        if (timed && e.time() < c.acquiredAt) {
            negativeHolds++;   // the clock went back between checkout and checkin: counted as held 0
        }
        long held = timed ? Math.max(0, e.time() - c.acquiredAt) : -1;
        EndpointHolds tally = endpointTally(c.endpoint);
        tally.checkouts++;
        if (held < 0) {
            return;
        }
        holdTimes.record(held);
        tally.holds.record(held);
        if (held > options.leakThresholdMicros()) {
            longHoldCount++;
            longest.add(new LongHold(c.process, c.requestId, c.connId, c.endpoint, c.acquiredAt, e.time()));
            if (longest.size() > options.maxItems()) {
                longest.poll();
            }
        }
    }

    private void markEnded(PoolEvent e) {
        if (e.requestId() == null) {
            return;
        }
        if (e.hasTime()) {
            orphans += ties.hold(e);   // a checkout of this request may still come, stamped with the same time
        }
        RequestKey key = new RequestKey(e.process(), e.requestId());
        List<Checkout> left = open.ofRequest(key);
        for (Checkout c : left) {
            c.requestEnded = true;
        }
        if (!left.isEmpty()) {
            settled.requestEnded(key, e.hasTime() ? e.time() : lastTime);
        }
    }

    /** A later event of the request may be the first to carry its path. */
    private void nameEndpoint(PoolEvent e) {
        RequestKey key = new RequestKey(e.process(), e.requestId());
        if (!open.hasRequest(key)) {
            return;
        }
        for (Checkout c : open.ofRequest(key)) {
            if (c.endpoint == null) {
                c.endpoint = e.endpoint();
            }
        }
    }

    private EndpointHolds endpointTally(String endpoint) {
        String name = Endpoint.orUnknown(endpoint);
        EndpointHolds tally = endpoints.get(name);
        if (tally == null) {
            if (endpoints.size() >= Endpoint.MAX_DISTINCT) {
                name = Endpoint.OTHER;
            }
            tally = endpoints.computeIfAbsent(name, k -> new EndpointHolds());
        }
        return tally;
    }

    @Override
    public CheckoutResult finish() {
        List<LeakItem> leaks = new ArrayList<>();
        List<LeakItem> inFlight = new ArrayList<>();
        open.forEach(c -> {
            boolean old = c.acquiredAt != PoolEvent.NO_TIME && lastTime - c.acquiredAt > options.graceMicros();
            (c.requestEnded || old ? leaks : inFlight).add(c.toLeak(lastTime));
        });
        Comparator<LeakItem> oldestFirst = Comparator.comparingLong(LeakItem::acquiredAt)
                .thenComparing(LeakItem::process).thenComparing(LeakItem::source).thenComparingLong(LeakItem::line);
        leaks.sort(oldestFirst);
        inFlight.sort(oldestFirst);
        Set<RequestKey> leakedRequests = new HashSet<>();
        Map<String, Long> byEndpoint = new HashMap<>(settled.byEndpoint());
        for (LeakItem leak : leaks) {
            RequestKey key = new RequestKey(leak.process(), leak.requestId());
            if (leak.requestId() != null && !settled.counted(key)) {
                leakedRequests.add(key);
            }
            byEndpoint.merge(Endpoint.orUnknown(leak.endpoint()), 1L, Long::sum);
        }
        long openLeaks = leaks.size();
        settled.kept().forEach(c -> leaks.add(c.toLeak(lastTime)));
        leaks.sort(oldestFirst);
        List<LongHold> holds = new ArrayList<>(longest);
        holds.sort(BY_HELD.reversed().thenComparingLong(LongHold::acquiredAt));
        Map<String, EndpointHolds> endpointCopy = new HashMap<>();
        endpoints.forEach((name, t) -> {
            EndpointHolds copy = new EndpointHolds();
            copy.checkouts = t.checkouts;
            copy.holds.add(t.holds);
            endpointCopy.put(name, copy);
        });
        // Still-open checkouts count as checkouts of their endpoint too.
        open.forEach(c -> endpointCopy.computeIfAbsent(Endpoint.orUnknown(c.endpoint), k -> new EndpointHolds())
                .checkouts++);
        settled.byEndpoint().forEach((name, n) -> endpointCopy.computeIfAbsent(name, k -> new EndpointHolds())
                .checkouts += n);
        return new CheckoutResult(cap(leaks), openLeaks + settled.checkouts, leakedRequests, byEndpoint,
                cap(inFlight), inFlight.size(), orphans + ties.checkins(), holds, longHoldCount, holdTimes.copy(),
                endpointCopy, leakedRequests.size() + settled.requests, settled.byLimit);
    }

    /** Requests whose leaks were settled before the end and that had hit a statement timeout. */
    public long settledTimedOutRequests() {
        return settled.timedOutRequests;
    }

    /** Checkins stamped earlier than their checkout (counted as held for 0). */
    public long negativeHolds() {
        return negativeHolds;
    }

    /** Checkins logged before their own checkout with the same timestamp, paired anyway. */
    public long sameTimeReorders() {
        return sameTimeReorders;
    }

    /** Open checkouts right now, for live status lines. */
    public long openCount() {
        return open.size();
    }

    private <T> List<T> cap(List<T> items) {
        return items.size() <= options.maxItems() ? items : items.subList(0, options.maxItems());
    }
}
