package dev.poolscope.analysis;

import dev.poolscope.event.PoolEvent;

/**
 * A whole analysis of one stream of events: what the reader feeds. {@link Analysis} ends in a
 * {@link Diagnosis}, {@link SummaryAnalysis} in a mergeable {@link Summary}.
 *
 * @param <R> the immutable result
 */
public interface Pass<R> {

    /** Called once per event, in input order. */
    void accept(PoolEvent event);

    /** The result, given what the reader saw of the input (lines, malformed lines, read errors). */
    R finish(InputSummary input);
}
