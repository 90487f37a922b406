package dev.poolscope.analysis;

import dev.poolscope.event.EventKind;
import dev.poolscope.event.PoolEvent;
import java.util.List;

/**
 * One pass that ends in a {@link Summary} rather than a {@link Diagnosis}: the same analyzers as
 * {@link Analysis}, recording in addition what merging with neighbouring summaries needs
 * (boundary events, usage heads) and the per-minute timeline.
 */
public final class SummaryAnalysis implements Pass<Summary> {
    private final AnalysisOptions options;
    private final FrontEnd front = new FrontEnd();
    private final CheckoutTracker checkouts;
    private final MinuteTimeline timeline = new MinuteTimeline();
    private final UsageRecorder usage;
    private final TimeoutCollector timeouts;
    private final LibraryTracker library;
    private final SignalCollector signals;
    private final ExhaustionProbe exhaustion;
    /** Null without user signatures: no per-event cost then. */
    private final SignatureCounter signatures;
    private final ServerPart.Marks marks = new ServerPart.Marks();

    public SummaryAnalysis(AnalysisOptions options) {
        this.options = options;
        this.checkouts = CheckoutTracker.summary(options, front.uuids);
        this.usage = new UsageRecorder(options, timeline);
        this.timeouts = new TimeoutCollector(options);
        this.library = new LibraryTracker(options, true);
        this.signals = new SignalCollector(options);
        this.exhaustion = new ExhaustionProbe(checkouts);
        SignatureCounter counter = new SignatureCounter(options);
        this.signatures = counter.isEmpty() ? null : counter;
    }

    @Override
    public void accept(PoolEvent line) {
        PoolEvent raw = line.note() == null && line.kind() == EventKind.OTHER ? line : library.accept(line);
        PoolEvent e = front.enter(raw);
        checkouts.accept(e);
        usage.accept(e);
        timeouts.accept(e);
        timeline.count(e);
        signals.accept(e);
        exhaustion.accept(e);
        if (signatures != null) {
            signatures.accept(e);
        }
        marks.accept(line);   // as the join's marks see them in one pass: before a repeated failure is dropped
    }

    @Override
    public Summary finish(InputSummary input) {
        return new Summary(options, input, front.counts(), checkouts.state(), usage.state(), usage.heads(),
                timeouts.finish(), timeline.rows(), library.state(),
                new EvidenceState(signals.finish(), exhaustion.looks(), signatures == null ? List.of() : signatures.finish()),
                marks.part());
    }

    /** The summary with the server's side of the same read (PostgreSQL's log, and the app's marks for the join). */
    public static Summary withServer(Summary s, ServerPart.Server server, boolean appRead) {
        return s.withServer(s.server().with(server, appRead));
    }
}
