package dev.poolscope.analysis;

import dev.poolscope.event.PoolEvent;

/**
 * A single-pass state machine over pool events: no I/O, no clock; time comes from the events.
 *
 * @param <R> the immutable result
 */
public interface Analyzer<R> {

    /** Called once per event, in input order. */
    void accept(PoolEvent event);

    /** The result so far; the analyzer may keep accepting events afterwards. */
    R finish();
}
