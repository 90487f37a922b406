package dev.poolscope.analysis;

import dev.poolscope.event.EventKind;
import dev.poolscope.event.PoolEvent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.function.Predicate;

/**
 * Pairs every checkout with its checkin. What is left open at the end is a leak when its request
 * has since logged its end, or when it is older than the grace period at the last timestamp;
 * the rest is in flight (the log was cut while they were working).
 */
public final class CheckoutTracker implements Analyzer<CheckoutResult> {
    /** Orphan checkins listed for a later merge; past this they are only counted (a misnamed checkin event). */
    public static final int BOUNDARY_LIMIT = 100_000;
    private static final Comparator<LongHold> BY_HELD = (a, b) -> Long.compare(a.heldMicros(), b.heldMicros());

    private final AnalysisOptions options;
    /** Worked out once: the Duration arithmetic cost a division per event. */
    private final long graceMicros;
    private final long leakThresholdMicros;
    private final OpenCheckouts open;
    private final HoldTimes holdTimes = new HoldTimes();
    private final Map<String, EndpointHolds> endpoints = new HashMap<>();
    private final PriorityQueue<LongHold> longest = new PriorityQueue<>(BY_HELD);
    private long longHoldCount;
    private long orphans;
    private long lastTime = PoolEvent.NO_TIME;
    private long firstTime = PoolEvent.NO_TIME;
    /** Null unless recording for a summary. */
    private final List<BoundaryEvent> boundary;
    private long unlisted;
    /** Null unless live mode listens: then each closed checkout is read into objects for it. */
    private ReturnListener onReturn;
    private final SameTimeEvents ties = new SameTimeEvents();
    private long negativeHolds;
    private long sameTimeReorders;
    /** Null unless leaks are settled early (one-pass analysis, not summaries or live mode). */
    private final SettledLeaks settled;
    private final OpenLeaks leaks;

    private CheckoutTracker(AnalysisOptions options, boolean live, Uuid.Cache uuids, SettledLeaks settled,
                            List<BoundaryEvent> boundary) {
        this.options = options;
        this.graceMicros = options.graceMicros();
        this.leakThresholdMicros = options.leakThresholdMicros();
        this.open = new OpenCheckouts(live, uuids);
        this.settled = settled;
        this.boundary = boundary;
        this.leaks = new OpenLeaks(open, graceMicros, settled);
    }

    // The three lifecycles. Each differs from the others in one argument, given here and nowhere else.

    /**
     * One pass to a diagnosis: leaks are settled early to bound memory (docs/robustness.md).
     *
     * @param uuids    shared with the request context that enriches the events first
     * @param timedOut whether a request has hit a statement timeout so far
     * @param maxOpen  the last-resort limit on open checkouts
     */
    static CheckoutTracker onePass(AnalysisOptions options, Uuid.Cache uuids, Predicate<RequestKey> timedOut,
                                   long maxOpen) {
        return new CheckoutTracker(options, false, uuids, new SettledLeaks(options.maxItems(), timedOut, maxOpen),
                null);
    }

    /** For a summary: also records the boundary events a later merge needs (docs/summaries.md). */
    static CheckoutTracker summary(AnalysisOptions options, Uuid.Cache uuids) {
        return new CheckoutTracker(options, false, uuids, null, new ArrayList<>());
    }

    /** For live mode, which reports how long ago a checkout's request ended and listens to returns. */
    static CheckoutTracker live(AnalysisOptions options, Uuid.Cache uuids) {
        return new CheckoutTracker(options, true, uuids, null, null);
    }

    @Override
    public void accept(PoolEvent e) {
        lastTime = Math.max(lastTime, e.time());
        firstTime = Counts.minTime(firstTime, e.time());
        if (boundary != null && e.kind() == EventKind.REQUEST_END && e.requestId() != null && isEarly(e.time())) {
            boundary.add(BoundaryEvent.of(e));
        }
        if (e.hasTime() && boundary == null) {
            // moves held checkins to the orphans once their time has passed; finish() counts those still held,
            // so expiring at other moments changes memory, not a figure (equivalent mutants, docs/testing.md)
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
            settled.settle(open, lastTime, graceMicros);
        }
    }

    /**
     * Same-timestamp reordering (docs/robustness.md) applies to one-pass analyses; a summary records
     * orphans at once for a later merge.
     */
    private void checkout(PoolEvent e) {
        PoolEvent early = e.hasTime() && boundary == null ? ties.checkinFor(e) : null;
        if (early != null) {
            sameTimeReorders++;
            closed(new Checkout(e.process(), e.requestId(), e.connId(), e.time(), e.endpoint(), e.source(), e.line(),
                    false, PoolEvent.NO_TIME, threadOf(e)), early);
            return;
        }
        int s = open.add(e.process(), e.requestId(), e.connId(), e.time(), e.endpoint(), e.source(), e.line(),
                threadOf(e));
        if (e.hasTime() && boundary == null && ties.endedAtSameTime(e)) {
            open.markEnded(s, e.time());
        }
    }

    /** The thread a pool library's checkout line names (SQLAlchemy, psycopg_pool); structlog events have none. */
    private static String threadOf(PoolEvent e) {
        return e.note() == null ? null : e.note().thread();
    }

    private void checkin(PoolEvent e) {
        int c = open.find(e.process(), e.requestId(), e.connId());
        if (c < 0 && e.hasTime() && boundary == null) {
            orphans += ties.hold(e);   // its checkout may still come, stamped with the same time
            return;
        }
        if (c < 0) {
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

    /** The usual case: read two fields of the slot, free it, count the hold; objects only for a long hold. */
    private void closed(int s, PoolEvent e) {
        long acquiredAt = open.acquiredAt(s);
        // a shortcut only: the object path applies the same rule (equivalent mutants here, docs/testing.md)
        if (onReturn != null || holdOf(acquiredAt, e) > leakThresholdMicros) {
            Checkout c = open.view(s);
            open.remove(s);
            closed(c, e);
            return;
        }
        String endpoint = open.endpoint(s);
        open.remove(s);
        tally(endpoint == null ? e.endpoint() : endpoint, acquiredAt, e);
    }

    private void closed(Checkout c, PoolEvent e) {
        c = c.withEndpoint(e.endpoint());
        if (onReturn != null) {
            onReturn.returned(c, e.time());
        }
        long held = tally(c.endpoint, c.acquiredAt, e);
        if (held > leakThresholdMicros) {
            longHoldCount++;
            longest.add(new LongHold(c.process, c.requestId, c.connId, c.endpoint, c.acquiredAt, e.time()));
            if (longest.size() > options.maxItems()) {
                longest.poll();
            }
        }
    }

    /** Counts one returned checkout of {@code endpoint}; returns how long it was held, -1 when unknown. */
    private long tally(String endpoint, long acquiredAt, PoolEvent e) {
        if (acquiredAt != PoolEvent.NO_TIME && e.hasTime() && e.time() < acquiredAt) {
            negativeHolds++;   // the clock went back between checkout and checkin: counted as held 0
        }
        long held = holdOf(acquiredAt, e);
        EndpointHolds tally = endpointTally(endpoint);
        tally.checkouts++;
        if (held >= 0) {
            holdTimes.record(held);
            tally.holds.record(held);
        }
        return held;
    }

    private static long holdOf(long acquiredAt, PoolEvent e) {
        return acquiredAt != PoolEvent.NO_TIME && e.hasTime() ? Math.max(0, e.time() - acquiredAt) : -1;
    }

    private void markEnded(PoolEvent e) {
        if (e.requestId() == null) {
            return;
        }
        int[] left = open.ofRequest(e.process(), e.requestId());
        for (int s : left) {
            open.markEnded(s, e.time());
        }
        if (e.hasTime() && boundary == null) {
            orphans += ties.hold(e);   // a checkout of this request may still come, stamped with the same time
        }
        // a request without open checkouts has nothing to settle ("left.length >= 0" would only queue it: equivalent)
        if (settled != null && left.length > 0) {
            settled.requestEnded(new RequestKey(e.process(), e.requestId()), e.hasTime() ? e.time() : lastTime);
        }
    }

    /** A later event of the request may be the first to carry its path. */
    private void nameEndpoint(PoolEvent e) {
        // Runs for most events (any with a request id and a path): one lookup, no copy.
        open.nameEndpoint(e.process(), e.requestId(), e.endpoint());
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
        return time == PoolEvent.NO_TIME || firstTime == PoolEvent.NO_TIME || time - firstTime <= graceMicros;
    }

    /** Every leak, uncapped, oldest first; per-day reports count them all. */
    public List<LeakItem> allLeaks() {
        return leaks.all(lastTime);
    }

    /** One pass over the store ({@link OpenLeaks#tally}), joined with what was returned and settled. */
    @Override
    public CheckoutResult finish() {
        OpenLeaks.Tally end = leaks.tally(options.maxItems(), lastTime);
        Map<String, Long> byEndpoint = settled == null ? new HashMap<>() : new HashMap<>(settled.byEndpoint());
        Map<String, EndpointHolds> endpointCopy = new HashMap<>();
        endpoints.forEach((name, t) -> endpointCopy.put(name, t.copy()));
        end.addByEndpoint(open, byEndpoint, endpointCopy);
        OldestItems leakItems = end.leaks();
        OldestItems inFlight = end.inFlight();
        long requests = end.requests();
        long leaked = leakItems.count();
        long byLimit = 0;
        if (settled != null) {
            settled.kept().forEach(c -> leakItems.offer(c.toLeak(lastTime)));
            settled.byEndpoint().forEach((name, n) -> endpointCopy.computeIfAbsent(name, k -> new EndpointHolds())
                    .checkouts += n);
            leaked += settled.checkouts;
            requests += settled.requests;
            byLimit = settled.byLimit;
        }
        List<LongHold> holds = new ArrayList<>(longest);
        holds.sort(BY_HELD.reversed().thenComparingLong(LongHold::acquiredAt));
        return new CheckoutResult(leakItems.sorted(), leaked, byEndpoint, inFlight.sorted(), inFlight.count(),
                orphans + ties.checkins(), holds, longHoldCount, holdTimes.copy(), endpointCopy, requests, byLimit);
    }

    /** How many of these requests hold a leak at the end ({@link OpenLeaks#leakedAmong}). */
    long leakedAmong(Collection<RequestKey> keys) {
        return leaks.leakedAmong(keys, lastTime);
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
        for (int s : open.inOrder()) {
            still.add(open.view(s).toOpen());
        }
        return new PairingState(firstTime, lastTime, holdTimes.copy(), tallies, new ArrayList<>(longest), longHoldCount,
                orphans, still, boundary == null ? List.of() : boundary, unlisted);
    }

    /** A recording tracker in the given state, ready to take the events that follow it. */
    static CheckoutTracker restore(AnalysisOptions options, PairingState s) {
        CheckoutTracker t = summary(options, new Uuid.Cache());
        t.firstTime = s.firstTime();
        t.lastTime = s.lastTime();
        t.absorbSettled(s);
        t.orphans = s.orphans();
        t.unlisted = s.unlisted();
        t.boundary.addAll(s.boundary());
        s.open().forEach(t.open::add);
        return t;
    }

    /**
     * Continues this tracker with a later summary's state, as if its events had followed: the later
     * boundary events are replayed against what is open here (closing checkouts, marking requests ended),
     * then its settled figures are added and its open checkouts join the end of the queue. Returns the
     * later summary's exhaustion looks with what was still open here at each (the checkouts of earlier
     * summaries its own look could not see), placed in the merged boundary.
     */
    List<ExhaustionLook> continueWith(PairingState later, List<ExhaustionLook> looks) {
        firstTime = Counts.minTime(firstTime, later.firstTime());
        long listedOrphans = 0;
        List<ExhaustionLook> seen = new ArrayList<>();
        int next = 0;
        for (int i = 0; i < later.boundary().size(); i++) {
            for (; next < looks.size() && looks.get(next).boundaryIndex() <= i; next++) {
                seen.add(lookHere(looks.get(next)));
            }
            BoundaryEvent b = later.boundary().get(i);
            listedOrphans += b.kind() == EventKind.CHECKIN ? 1 : 0;
            accept(b.toEvent());   // re-recorded here if still an orphan, or still early for the merged summary
        }
        for (; next < looks.size(); next++) {
            seen.add(lookHere(looks.get(next)));
        }
        lastTime = Math.max(lastTime, later.lastTime());
        absorbSettled(later);
        orphans += later.orphans() - listedOrphans;
        unlisted += later.unlisted();
        later.open().forEach(open::add);
        return seen;
    }

    private ExhaustionLook lookHere(ExhaustionLook look) {
        return look.plus(heldBy(look.process(), look.time()), boundarySize());
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

    /** What holds a process's connections now ({@link OpenLeaks#heldBy}). */
    long[] heldBy(String process, long now) {
        return leaks.heldBy(process, now);
    }

    /** Boundary events recorded so far (a summary's); 0 in one pass. */
    int boundarySize() {
        return boundary == null ? 0 : boundary.size();
    }

    /** Checkouts held in memory: what bounds the tracker's size. */
    long trackedCount() {
        return open.size();
    }

    void onReturn(ReturnListener listener) {
        this.onReturn = listener;
    }

    /** The open checkouts as live mode reads them. */
    LiveCheckouts live() {
        return new LiveCheckouts(open);
    }
}
