package dev.poolscope.analysis;

import dev.poolscope.event.EventKind;
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
public final class Analysis implements Pass<Diagnosis> {
    private final AnalysisOptions options;
    private final FrontEnd front = new FrontEnd();
    private final ClockWatch clock = new ClockWatch();
    private final CheckoutTracker checkouts;
    private final PoolUsageTracker pool;
    private final TimeoutCollector timeouts;
    private final TimelineAnalyzer timeline;
    private final LibraryTracker library;
    private final SignalCollector signals;
    private final ExhaustionProbe exhaustion;
    /** Null without user signatures: no per-event cost then. */
    private final SignatureCounter signatures;

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
        this.checkouts = CheckoutTracker.onePass(options, front.uuids, timeouts::timedOut, limits.openCheckouts());
        this.pool = new PoolUsageTracker(options);
        this.timeline = new TimelineAnalyzer(options);
        this.library = new LibraryTracker(options);
        this.signals = new SignalCollector(options);
        this.exhaustion = new ExhaustionProbe(checkouts);
        SignatureCounter counter = new SignatureCounter(options);
        this.signatures = counter.isEmpty() ? null : counter;
    }

    @Override
    public void accept(PoolEvent line) {
        PoolEvent raw = line.note() == null && line.kind() == EventKind.OTHER ? line : library.accept(line);
        clock.accept(raw);
        PoolEvent e = front.enter(raw);
        checkouts.accept(e);
        pool.accept(e);
        timeouts.accept(e);
        timeline.accept(e, pool.lastUsed(), checkouts.openCount());
        signals.accept(e);
        exhaustion.accept(e);
        if (signatures != null) {
            signatures.accept(e);
        }
    }

    /** Open checkouts right now. */
    public long openCheckouts() {
        return checkouts.openCount();
    }

    /** Open checkouts held in memory (leaks settled early are only counted), for tests of memory bounds. */
    long trackedCheckouts() {
        return checkouts.trackedCount();
    }

    @Override
    public Diagnosis finish(InputSummary input) {
        TimeoutResult timeoutResult = timeouts.finish();
        Counts counts = front.counts();
        Diagnosis d = diagnose(options, input, counts, checkouts.finish(), pool.finish(counts.lastTime()),
                timeoutResult, timeline.finish(), checkouts.leakedAmong(timeoutResult.requests()) + checkouts.settledTimedOutRequests(),
                library.finish(counts.lastTime()));
        return d.withTime(clock.finish(checkouts.negativeHolds(), checkouts.sameTimeReorders()))
                .withEvidence(new Evidence(signals.finish(), exhaustion.finish(),
                        signatures == null ? List.of() : signatures.finish()));
    }

    /**
     * Joins the analyzers' results; a {@link Summary} finishes through here too, without the fine-grained
     * timeline (summaries keep per-minute rows instead, see {@link MinuteTimeline}). What pool libraries said
     * joins in: HikariCP's true leaks join the leaks, and the pool-used thresholds are those for the pool's
     * maximum (issue #16), in the diagnosis's options too, so every report shows them.
     *
     * @param timedOutAndLeaked requests that hit a statement timeout and leaked (the tracker counts them)
     */
    static Diagnosis diagnose(AnalysisOptions options, InputSummary input, Counts counts, CheckoutResult paired,
                              PoolResult usage, TimeoutResult timeoutResult, Timeline timeline,
                              long timedOutAndLeaked, LibraryResult library) {
        AnalysisOptions scaled = options.withThresholds(options.thresholds().resolvedFor(usage.poolMax()));
        CheckoutResult leaks = LibraryLeaks.join(paired, library, scaled.maxItems());
        Health health = Health.evaluate(scaled.thresholds(), usage.peakUsed() < 0 ? Health.UNKNOWN : usage.peakUsed(),
                library.checkoutsLogged() ? counts.leakDelta() : Health.UNKNOWN,
                library.leaksObservable() ? leaks.requestsWithoutClose() : Health.UNKNOWN);
        return new Diagnosis(scaled, input, counts, leaks, usage, timeoutResult,
                timedOutAndLeaked, endpointRows(leaks, timeoutResult), health, timeline, TimeQuality.empty(), library,
                Evidence.empty(), null);
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
