package dev.poolscope.analysis;

import dev.poolscope.event.PoolEvent;

/**
 * What every pass does to an event before its analyzers see it: count it, and fill in what its request
 * said earlier (endpoint, time). One request-id cache serves the context and the checkout tracker, so a
 * request id is parsed once per event.
 */
final class FrontEnd {
    final Uuid.Cache uuids = new Uuid.Cache();
    private final RequestContext context = new RequestContext(uuids);
    private final EventCounter counter = new EventCounter();

    /** The event as the analyzers should see it. */
    PoolEvent enter(PoolEvent raw) {
        counter.accept(raw);
        return context.enrich(raw);
    }

    Counts counts() {
        return counter.finish();
    }
}
