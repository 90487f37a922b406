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

/**
 * Pairs every checkout with its checkin. What is left open at the end is a leak when its request
 * has since logged its end, or when it is older than the grace period at the last timestamp;
 * the rest is in flight (the log was cut while they were working).
 */
public final class CheckoutTracker implements Analyzer<CheckoutResult> {
    /** Orphan checkins listed for a later merge; past this they are only counted (a misnamed checkin event). */
    public static final int BOUNDARY_LIMIT = 100_000;
    private static final Comparator<LongHold> BY_HELD = Comparator.comparingLong(LongHold::heldMicros);

    private final AnalysisOptions options;
    private final OpenCheckouts open = new OpenCheckouts();
    private final HoldTimes holdTimes = new HoldTimes();
    private final Map<String, EndpointHolds> endpoints = new HashMap<>();
    private final PriorityQueue<LongHold> longest = new PriorityQueue<>(BY_HELD);
    private long longHoldCount;
    private long orphans;
    private long lastTime = PoolEvent.NO_TIME;
    private long firstTime = PoolEvent.NO_TIME;
    /** Null unless recording for a summary. */
    private List<BoundaryEvent> boundary;
    private long unlisted;
    private ReturnListener onReturn = (c, at) -> { };

    /** Told of every checkout a checkin closes; the live leak watch uses it to report returns. */
    interface ReturnListener {
        void returned(Checkout c, long at);
    }

    public CheckoutTracker(AnalysisOptions options) {
        this.options = options;
    }

    /** A tracker that also records the boundary events a summary needs (docs/summaries.md). */
    static CheckoutTracker recording(AnalysisOptions options) {
        CheckoutTracker t = new CheckoutTracker(options);
        t.boundary = new ArrayList<>();
        return t;
    }

    @Override
    public void accept(PoolEvent e) {
        lastTime = Math.max(lastTime, e.time());
        firstTime = Counts.minTime(firstTime, e.time());
        if (boundary != null && e.kind() == EventKind.REQUEST_END && e.requestId() != null && isEarly(e.time())) {
            boundary.add(BoundaryEvent.of(e));
        }
        switch (e.kind()) {
            case CHECKOUT -> open.add(new Checkout(e.process(), e.requestId(), e.connId(), e.time(), e.endpoint(),
                    e.source(), e.line()));
            case CHECKIN -> checkin(e);
            case REQUEST_END -> markEnded(e);
            default -> { }
        }
        if (e.endpoint() != null && e.requestId() != null && e.kind() != EventKind.CHECKOUT) {
            nameEndpoint(e);
        }
    }

    private void checkin(PoolEvent e) {
        Checkout c = open.close(e.process(), e.requestId(), e.connId());
        if (c == null) {
            orphans++;
            if (boundary != null) {
                if (boundary.size() < BOUNDARY_LIMIT) {
                    boundary.add(BoundaryEvent.of(e));
                } else {
                    unlisted++;
                }
            }
            return;
        }
        if (c.endpoint == null) {
            c.endpoint = e.endpoint();
        }
        onReturn.returned(c, e.time());
        long held = c.acquiredAt == PoolEvent.NO_TIME || !e.hasTime() ? -1 : Math.max(0, e.time() - c.acquiredAt);
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
        for (Checkout c : open.ofRequest(new RequestKey(e.process(), e.requestId()))) {
            c.requestEnded = true;
            c.endedAt = e.time();
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

    /**
     * A request's end is recorded for a later merge while an earlier summary's checkout could still be young
     * at the end: later than {@code grace} after this summary's start, any such checkout is old anyway.
     */
    private boolean isEarly(long time) {
        return time == PoolEvent.NO_TIME || firstTime == PoolEvent.NO_TIME || time - firstTime <= options.graceMicros();
    }

    /** Every leak, uncapped, oldest first; per-day reports count them all. */
    public List<LeakItem> allLeaks() {
        List<LeakItem> leaks = new ArrayList<>();
        open.forEach(c -> {
            if (isLeak(c)) {
                leaks.add(c.toLeak(lastTime));
            }
        });
        leaks.sort(OLDEST_FIRST);
        return leaks;
    }

    private boolean isLeak(Checkout c) {
        boolean old = c.acquiredAt != PoolEvent.NO_TIME && lastTime - c.acquiredAt > options.graceMicros();
        return c.requestEnded || old;
    }

    private static final Comparator<LeakItem> OLDEST_FIRST = Comparator.comparingLong(LeakItem::acquiredAt)
            .thenComparing(LeakItem::process).thenComparing(LeakItem::source).thenComparingLong(LeakItem::line);

    @Override
    public CheckoutResult finish() {
        List<LeakItem> leaks = new ArrayList<>();
        List<LeakItem> inFlight = new ArrayList<>();
        open.forEach(c -> (isLeak(c) ? leaks : inFlight).add(c.toLeak(lastTime)));
        Comparator<LeakItem> oldestFirst = OLDEST_FIRST;
        leaks.sort(oldestFirst);
        inFlight.sort(oldestFirst);
        Set<RequestKey> leakedRequests = new HashSet<>();
        Map<String, Long> byEndpoint = new HashMap<>();
        for (LeakItem leak : leaks) {
            if (leak.requestId() != null) {
                leakedRequests.add(new RequestKey(leak.process(), leak.requestId()));
            }
            byEndpoint.merge(Endpoint.orUnknown(leak.endpoint()), 1L, Long::sum);
        }
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
        return new CheckoutResult(cap(leaks), leaks.size(), leakedRequests, byEndpoint, cap(inFlight),
                inFlight.size(), orphans, holds, longHoldCount, holdTimes.copy(), endpointCopy);
    }

    /** The tracker's whole state, for a summary. */
    PairingState state() {
        Map<String, EndpointHolds> tallies = new HashMap<>();
        endpoints.forEach((name, t) -> tallies.put(name, t.copy()));
        List<OpenCheckout> still = new ArrayList<>();
        open.inOrder().forEach(c -> still.add(c.toOpen()));
        return new PairingState(firstTime, lastTime, holdTimes.copy(), tallies, new ArrayList<>(longest), longHoldCount,
                orphans, still, boundary == null ? List.of() : boundary, unlisted);
    }

    /** A recording tracker in the given state, ready to take the events that follow it. */
    static CheckoutTracker restore(AnalysisOptions options, PairingState s) {
        CheckoutTracker t = recording(options);
        t.firstTime = s.firstTime();
        t.lastTime = s.lastTime();
        t.absorbSettled(s);
        t.orphans = s.orphans();
        t.unlisted = s.unlisted();
        t.boundary.addAll(s.boundary());
        s.open().forEach(o -> t.open.add(Checkout.of(o)));
        return t;
    }

    /**
     * Continues this tracker with a later summary's state, as if its events had followed: the later
     * boundary events are replayed against what is open here (closing checkouts, marking requests ended),
     * then its settled figures are added and its open checkouts join the end of the queue.
     */
    void continueWith(PairingState later) {
        firstTime = Counts.minTime(firstTime, later.firstTime());
        long listedOrphans = 0;
        for (BoundaryEvent b : later.boundary()) {
            listedOrphans += b.kind() == EventKind.CHECKIN ? 1 : 0;
            accept(b.toEvent());   // re-recorded here if still an orphan, or still early for the merged summary
        }
        lastTime = Math.max(lastTime, later.lastTime());
        absorbSettled(later);
        orphans += later.orphans() - listedOrphans;
        unlisted += later.unlisted();
        later.open().forEach(o -> open.add(Checkout.of(o)));
    }

    private void absorbSettled(PairingState s) {
        holdTimes.add(s.holdTimes());
        s.endpoints().forEach((name, t) -> endpointTally(name).addAll(t));
        for (LongHold h : s.longHolds()) {
            longest.add(h);
            if (longest.size() > options.maxItems()) {
                longest.poll();
            }
        }
        longHoldCount += s.longHoldCount();
    }

    /** Open checkouts right now, for live status lines. */
    public long openCount() {
        return open.size();
    }

    void onReturn(ReturnListener listener) {
        this.onReturn = listener;
    }

    void forEachOpen(java.util.function.Consumer<Checkout> action) {
        open.forEach(action);
    }

    /** Drops the open checkouts of a process that is gone (live mode); returns them. */
    List<Checkout> forget(String process) {
        return open.removeProcess(process);
    }

    private <T> List<T> cap(List<T> items) {
        return items.size() <= options.maxItems() ? items : items.subList(0, options.maxItems());
    }
}
