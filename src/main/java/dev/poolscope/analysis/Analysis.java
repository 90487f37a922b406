package dev.poolscope.analysis;

import dev.poolscope.event.PoolEvent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs every analyzer over one stream of events and joins their results into a {@link Diagnosis}.
 * Pure: events in, results out; the caller reads the input.
 */
public final class Analysis {
    private final AnalysisOptions options;
    /** Request ids parsed once per event, shared by the request context and the checkout tracker. */
    private final Uuid.Cache uuids = new Uuid.Cache();
    private final RequestContext context = new RequestContext(uuids);
    private final EventCounter counter = new EventCounter();
    private final ClockWatch clock = new ClockWatch();
    private final CheckoutTracker checkouts;
    private final PoolUsageTracker pool;
    private final TimeoutCollector timeouts;
    private final TimelineAnalyzer timeline;

    /** With the last-resort limits this JVM's heap allows ({@link MemoryLimits}). */
    public Analysis(AnalysisOptions options) {
        this(options, MemoryLimits.ofThisJvm());
    }

    /** With another last-resort limit on open checkouts, for tests of the limit. */
    Analysis(AnalysisOptions options, long maxOpen) {
        this(options, new MemoryLimits(maxOpen, MemoryLimits.ofThisJvm().timedOutRequests()));
    }

    Analysis(AnalysisOptions options, MemoryLimits limits) {
        this.options = options;
        this.timeouts = new TimeoutCollector(options, limits.timedOutRequests());
        this.checkouts = new CheckoutTracker(options, timeouts::timedOut, limits.openCheckouts(), uuids);
        this.pool = new PoolUsageTracker(options);
        this.timeline = new TimelineAnalyzer(options);
    }

    public void accept(PoolEvent raw) {
        counter.accept(raw);
        clock.accept(raw);
        PoolEvent e = context.enrich(raw);
        checkouts.accept(e);
        pool.accept(e);
        timeouts.accept(e);
        timeline.accept(e, pool.lastUsed(), checkouts.openCount());
    }

    /** Open checkouts right now. */
    public long openCheckouts() {
        return checkouts.openCount();
    }

    /** Open checkouts held in memory (leaks settled early are only counted), for tests of memory bounds. */
    long trackedCheckouts() {
        return checkouts.trackedCount();
    }

    public Diagnosis finish(InputSummary input) {
        TimeoutResult timeoutResult = timeouts.finish();
        Counts counts = counter.finish();
        Diagnosis d = diagnose(options, input, counts, checkouts.finish(), pool.finish(counts.lastTime()), timeoutResult,
                timeline.finish(), checkouts.leakedAmong(timeoutResult.requests()) + checkouts.settledTimedOutRequests());
        return d.withTime(clock.finish(checkouts.negativeHolds(), checkouts.sameTimeReorders()));
    }

    /**
     * Joins the analyzers' results; a {@link Summary} finishes through here too, without the fine-grained
     * timeline (summaries keep per-minute rows instead, see {@link MinuteTimeline}).
     */
    /** @param timedOutAndLeaked requests that hit a statement timeout and leaked (the tracker counts them) */
    static Diagnosis diagnose(AnalysisOptions options, InputSummary input, Counts counts, CheckoutResult leaks,
                              PoolResult usage, TimeoutResult timeoutResult, Timeline timeline,
                              long timedOutAndLeaked) {
        Health health = Health.evaluate(options.thresholds(), usage.peakUsed(), counts.leakDelta(),
                leaks.requestsWithoutClose());
        return new Diagnosis(options, input, counts, leaks, usage, timeoutResult,
                timedOutAndLeaked, endpointRows(leaks, timeoutResult), health, timeline);
    }

    /** Most leaks first, then busiest; ties by name so reports are deterministic. */
    private static List<EndpointRow> endpointRows(CheckoutResult leaks, TimeoutResult timeouts) {
        Set<String> names = new HashSet<>(leaks.endpoints().keySet());
        names.addAll(leaks.leaksByEndpoint().keySet());
        names.addAll(timeouts.byEndpoint().keySet());
        Map<String, EndpointHolds> holds = new HashMap<>(leaks.endpoints());
        List<EndpointRow> rows = new ArrayList<>();
        for (String name : names) {
            EndpointHolds h = holds.get(name);
            rows.add(new EndpointRow(name, h == null ? 0 : h.checkouts(), leaks.leaksByEndpoint().getOrDefault(name, 0L),
                    timeouts.byEndpoint().getOrDefault(name, 0L),
                    h == null ? Percentiles.none() : h.holds().percentiles()));
        }
        rows.sort(Comparator.comparingLong(EndpointRow::leakedCheckouts).reversed()
                .thenComparing(Comparator.comparingLong(EndpointRow::checkouts).reversed())
                .thenComparing(EndpointRow::endpoint));
        return rows;
    }
}
