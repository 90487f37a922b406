package dev.poolscope.analysis;

import dev.poolscope.event.PoolEvent;

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

    public SummaryAnalysis(AnalysisOptions options) {
        this.options = options;
        this.checkouts = CheckoutTracker.summary(options, front.uuids);
        this.usage = new UsageRecorder(options, timeline);
        this.timeouts = new TimeoutCollector(options);
    }

    @Override
    public void accept(PoolEvent raw) {
        PoolEvent e = front.enter(raw);
        checkouts.accept(e);
        usage.accept(e);
        timeouts.accept(e);
        timeline.count(e);
    }

    @Override
    public Summary finish(InputSummary input) {
        return new Summary(options, input, front.counts(), checkouts.state(), usage.state(), usage.heads(),
                timeouts.finish(), timeline.rows());
    }
}
