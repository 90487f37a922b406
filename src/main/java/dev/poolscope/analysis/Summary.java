package dev.poolscope.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Everything needed to combine one analysed stretch of logs with its neighbours later (docs/summaries.md).
 * {@code a.merge(b)} is the summary of a's logs followed by b's: exactly what one pass over both would
 * give, under the conditions the document lists. Merging is associative with {@link #empty} as identity;
 * it is not commutative, since time runs one way.
 */
public record Summary(AnalysisOptions options, InputSummary input, Counts counts, PairingState pairing,
                      UsageState usage, Map<String, UsageHead> heads, TimeoutResult timeouts,
                      List<TimelineRow> timeline, LibraryState library, EvidenceState evidence, ServerPart server) {

    public Summary {
        Objects.requireNonNull(options, "options");
        heads = Map.copyOf(heads);
        timeline = List.copyOf(timeline);
        library = library == null ? LibraryState.empty() : library;
        evidence = evidence == null ? EvidenceState.empty() : evidence;
        server = server == null ? ServerPart.empty() : server;
    }

    /** A summary of structlog app logs without library, evidence or server parts (format version 1). */
    public Summary(AnalysisOptions options, InputSummary input, Counts counts, PairingState pairing,
                   UsageState usage, Map<String, UsageHead> heads, TimeoutResult timeouts, List<TimelineRow> timeline) {
        this(options, input, counts, pairing, usage, heads, timeouts, timeline, null, null, null);
    }

    /** The same summary with this server side. */
    public Summary withServer(ServerPart server) {
        return new Summary(options, input, counts, pairing, usage, heads, timeouts, timeline, library, evidence, server);
    }

    /** The same summary read from other inputs (their names), e.g. reordered. */
    public Summary withInput(InputSummary input) {
        return new Summary(options, input, counts, pairing, usage, heads, timeouts, timeline, library, evidence, server);
    }

    public static Summary empty(AnalysisOptions options) {
        return new SummaryAnalysis(options).finish(InputSummary.empty());
    }

    /** The summary of this summary's logs followed by {@code later}'s. */
    public Summary merge(Summary later) {
        return mergeAll(List.of(this, later));
    }

    /**
     * The summary of all these summaries' logs, read in the order given. Restores the first one's state
     * once and continues it with each of the others, so merging k summaries costs one pass over them.
     */
    public static Summary mergeAll(List<Summary> ordered) {
        Summary first = ordered.get(0);
        MinuteTimeline tl = new MinuteTimeline();
        tl.add(first.timeline);
        PoolUsageTracker pool = PoolUsageTracker.restore(first.options, first.usage, tl);
        CheckoutTracker checkouts = CheckoutTracker.restore(first.options, first.pairing);
        Map<String, UsageHead> heads = new HashMap<>(first.heads);
        InputSummary input = first.input;
        Counts counts = first.counts;
        TimeoutResult timeouts = first.timeouts;
        LibraryState library = first.library;
        EvidenceState evidence = first.evidence;
        ServerPart server = first.server;
        for (Summary later : ordered.subList(1, ordered.size())) {
            first.requireCompatible(later.options);
            tl.add(later.timeline);
            later.heads.forEach((process, h) -> {
                UsageHead mine = heads.get(process);
                if (mine == null) {
                    heads.put(process, h);
                } else if (!mine.synced()) {
                    List<UsageStep> steps = new ArrayList<>(mine.steps());
                    steps.addAll(h.steps());
                    heads.put(process, new UsageHead(steps, h.synced(), h.truncated()));
                } else {
                    h.steps().forEach(step -> pool.accept(step.toEvent(process)));
                }
            });
            pool.continueWith(later.usage);
            List<ExhaustionLook> looks = checkouts.continueWith(later.pairing, later.evidence.looks());
            evidence = evidence.merge(later.evidence, looks, first.options.maxItems());
            library = library.merge(later.library, first.options.maxItems());
            server = server.merge(later.server, first.options.maxItems(), first.options.mergeGap().toNanos() / 1000);
            input = input.merge(later.input);
            counts = counts.merge(later.counts);
            timeouts = timeouts.merge(later.timeouts, first.options.maxItems());
        }
        return new Summary(first.options, input, counts, checkouts.state(), pool.state(), heads, timeouts, tl.rows(),
                library, evidence, server);
    }

    private void requireCompatible(AnalysisOptions o) {
        if (!options.grace().equals(o.grace()) || !options.leakThreshold().equals(o.leakThreshold())
                || !options.mergeGap().equals(o.mergeGap()) || options.maxItems() != o.maxItems()
                || !options.thresholds().sameBands(o.thresholds())) {
            throw new IllegalArgumentException("summaries were made with different analysis settings ("
                    + describe(options) + " vs " + describe(o) + "); summarise both with the same options");
        }
    }

    private static String describe(AnalysisOptions o) {
        return "grace " + o.grace().toMillis() + " ms, leak threshold " + o.leakThreshold().toMillis()
                + " ms, merge gap " + o.mergeGap().toMillis() + " ms, max items " + o.maxItems() + ", "
                + o.thresholds();
    }

    /** What this summary says once nothing more will follow it. */
    public Finished finish() {
        MinuteTimeline tl = new MinuteTimeline();
        tl.add(timeline);
        PoolUsageTracker pool = new PoolUsageTracker(options, tl);
        new TreeSet<>(heads.keySet()).forEach(p -> heads.get(p).steps().forEach(s -> pool.accept(s.toEvent(p))));
        pool.continueWith(usage);
        PoolResult poolResult = pool.finish(counts.lastTime());
        pool.state().processes().values().forEach(p -> {
            if (p.above()) {
                tl.above(p.rawStart(), p.lastAbove());   // still above at the end: counted up to its last report
            }
        });
        CheckoutTracker checkouts = CheckoutTracker.restore(options, pairing);
        Diagnosis d = Analysis.diagnose(options, input, counts, checkouts.finish(), poolResult, timeouts,
                Timeline.empty(), checkouts.leakedAmong(timeouts.requests()),
                library.finish(counts.lastTime(), options.maxItems(), options.originSkipPattern()))
                .withEvidence(evidence.evidence());
        return new Finished(server.attach(d), tl.rows(), checkouts.allLeaks(), notes());
    }

    /** Where a merge involving this summary may differ from one pass (docs/summaries.md). */
    public List<String> notes() {
        List<String> notes = new ArrayList<>();
        new TreeSet<>(heads.keySet()).forEach(p -> {
            if (heads.get(p).truncated()) {
                notes.add("process " + p + " reports no pool_used at or below the critical threshold in its first "
                        + UsageRecorder.HEAD_LIMIT + " pool events; usage carried over from earlier summaries is lost");
            }
        });
        if (pairing.unlisted() > 0) {
            notes.add(pairing.unlisted() + " unmatched checkins beyond " + CheckoutTracker.BOUNDARY_LIMIT
                    + " were not kept; they cannot close checkouts of earlier summaries");
        }
        return notes;
    }

    /**
     * A finished summary.
     *
     * @param timeline per-minute rows including usage replayed at the end
     * @param leaks    every leaked checkout found by pairing (uncapped), oldest first; HikariCP's true leaks are in
     *                 the diagnosis's {@code library()} (and its checkouts), not here
     */
    public record Finished(Diagnosis diagnosis, List<TimelineRow> timeline, List<LeakItem> leaks, List<String> notes) {
        public Finished {
            timeline = List.copyOf(timeline);
            leaks = List.copyOf(leaks);
            notes = List.copyOf(notes);
        }
    }
}
