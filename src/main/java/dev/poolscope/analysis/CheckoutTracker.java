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
    private final SameTimeEvents ties = new SameTimeEvents();
    private long negativeHolds;
    private long sameTimeReorders;
    /** Null unless leaks are settled early (one-pass analysis, not summaries or live mode). */
    private SettledLeaks settled;

    /** Told of every checkout a checkin closes; the live leak watch uses it to report returns. */
    interface ReturnListener {
        void returned(Checkout c, long at);
    }

    public CheckoutTracker(AnalysisOptions options) {
        this.options = options;
    }

    /**
     * A tracker that settles leaks early to bound memory (docs/robustness.md).
     *
     * @param timedOut whether a request has hit a statement timeout so far
     */
    public CheckoutTracker(AnalysisOptions options, Predicate<RequestKey> timedOut) {
        this(options);
        this.settled = new SettledLeaks(options.maxItems(), timedOut);
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
        if (e.hasTime() && boundary == null) {
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
        if (settled != null && (e.kind() == EventKind.REQUEST_END || e.kind() == EventKind.CHECKOUT)) {
            settled.settle(open, lastTime, options.graceMicros());
        }
    }

    /**
     * Same-timestamp reordering (docs/robustness.md) applies to one-pass analyses; a summary records
     * orphans at once for a later merge.
     */
    private void checkout(PoolEvent e) {
        Checkout c = new Checkout(e.process(), e.requestId(), e.connId(), e.time(), e.endpoint(), e.source(), e.line());
        PoolEvent early = e.hasTime() && boundary == null ? ties.checkinFor(e) : null;
        if (early != null) {
            sameTimeReorders++;
            closed(c, early);
            return;
        }
        if (e.hasTime() && boundary == null && ties.endedAtSameTime(e)) {
            c.requestEnded = true;
            c.endedAt = e.time();
        }
        open.add(c);
    }

    private void checkin(PoolEvent e) {
        Checkout c = open.close(e.process(), e.requestId(), e.connId());
        if (c == null && e.hasTime() && boundary == null) {
            orphans += ties.hold(e);   // its checkout may still come, stamped with the same time
            return;
        }
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
        closed(c, e);
    }

    private void closed(Checkout c, PoolEvent e) {
        if (c.endpoint == null) {
            c.endpoint = e.endpoint();
        }
        onReturn.returned(c, e.time());
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
        RequestKey key = new RequestKey(e.process(), e.requestId());
        List<Checkout> left = open.ofRequest(key);
        for (Checkout c : left) {
            c.requestEnded = true;
            c.endedAt = e.time();
        }
        if (e.hasTime() && boundary == null) {
            orphans += ties.hold(e);   // a checkout of this request may still come, stamped with the same time
        }
        if (settled != null && !left.isEmpty()) {
            settled.requestEnded(key, e.hasTime() ? e.time() : lastTime);
        }
    }

    /** A later event of the request may be the first to carry its path. */
    private void nameEndpoint(PoolEvent e) {
        // Runs for most events (any with a request id and a path): one lookup, no copy.
        open.forEachOfRequest(new RequestKey(e.process(), e.requestId()), c -> {
            if (c.endpoint == null) {
                c.endpoint = e.endpoint();
            }
        });
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
        Map<String, Long> byEndpoint = settled == null ? new HashMap<>() : new HashMap<>(settled.byEndpoint());
        for (LeakItem leak : leaks) {
            RequestKey key = new RequestKey(leak.process(), leak.requestId());
            if (leak.requestId() != null && (settled == null || !settled.counted(key))) {
                leakedRequests.add(key);
            }
            byEndpoint.merge(Endpoint.orUnknown(leak.endpoint()), 1L, Long::sum);
        }
        long openLeaks = leaks.size();
        if (settled != null) {
            settled.kept().forEach(c -> leaks.add(c.toLeak(lastTime)));
            leaks.sort(oldestFirst);
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
        if (settled == null) {
            return new CheckoutResult(cap(leaks), leaks.size(), leakedRequests, byEndpoint, cap(inFlight),
                    inFlight.size(), orphans + ties.checkins(), holds, longHoldCount, holdTimes.copy(), endpointCopy);
        }
        settled.byEndpoint().forEach((name, n) -> endpointCopy.computeIfAbsent(name, k -> new EndpointHolds())
                .checkouts += n);
        return new CheckoutResult(cap(leaks), openLeaks + settled.checkouts, leakedRequests, byEndpoint,
                cap(inFlight), inFlight.size(), orphans + ties.checkins(), holds, longHoldCount, holdTimes.copy(),
                endpointCopy, leakedRequests.size() + settled.requests, settled.byLimit);
    }

    /** Checkins stamped earlier than their checkout (counted as held for 0). */
    public long negativeHolds() {
        return negativeHolds;
    }

    /** Checkins logged before their own checkout with the same timestamp, paired anyway. */
    public long sameTimeReorders() {
        return sameTimeReorders;
    }

    /** Requests whose leaks were settled before the end and that had hit a statement timeout. */
    public long settledTimedOutRequests() {
        return settled == null ? 0 : settled.timedOutRequests;
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

    /** Checkouts not returned so far, for live status lines and timelines; leaks settled early included. */
    public long openCount() {
        return open.size() + (settled == null ? 0 : settled.checkouts);
    }

    /** Checkouts held in memory: what bounds the tracker's size. */
    long trackedCount() {
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
