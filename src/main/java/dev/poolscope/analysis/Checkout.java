package dev.poolscope.analysis;

import dev.poolscope.event.PoolEvent;

/**
 * One open checkout as objects: a snapshot of a store slot ({@link OpenCheckouts} keeps checkouts as
 * primitives), or a checkout closed before it was stored (a checkin logged first, same timestamp).
 * Made only where a few are needed: items of a report, live mode, summaries.
 */
final class Checkout implements Listed {
    /** The store slot it was read from, or -1. */
    final int slot;
    final String process;
    final String requestId;
    final String connId;
    final long acquiredAt;
    final String source;
    final long line;
    final String endpoint;
    final boolean requestEnded;
    final long endedAt;
    /** The borrowing thread where the checkout line names it (SQLAlchemy, psycopg_pool), else null. */
    final String thread;
    /** Reported open as a suspected leak (live mode). */
    final boolean suspect;

    Checkout(String process, String requestId, String connId, long acquiredAt, String endpoint, String source,
             long line, boolean requestEnded, long endedAt, String thread) {
        this(process, requestId, connId, acquiredAt, endpoint, source, line, requestEnded, endedAt, thread, false);
    }

    private Checkout(String process, String requestId, String connId, long acquiredAt, String endpoint,
                     String source, long line, boolean requestEnded, long endedAt, String thread, boolean suspect) {
        this.slot = -1;
        this.thread = thread;
        this.process = process;
        this.requestId = requestId;
        this.connId = connId;
        this.acquiredAt = acquiredAt;
        this.endpoint = endpoint;
        this.source = source;
        this.line = line;
        this.requestEnded = requestEnded;
        this.endedAt = endedAt;
        this.suspect = suspect;
    }

    Checkout(int slot, OpenCheckouts store) {
        this.slot = slot;
        this.process = store.process(slot);
        this.requestId = store.requestId(slot);
        this.connId = store.connId(slot);
        this.acquiredAt = store.acquiredAt(slot);
        this.endpoint = store.endpoint(slot);
        this.source = store.source(slot);
        this.line = store.line(slot);
        this.requestEnded = store.requestEnded(slot);
        this.endedAt = store.endedAt(slot);
        this.thread = store.thread(slot);
        this.suspect = store.suspect(slot);
    }

    @Override
    public long acquiredAt() {
        return acquiredAt;
    }

    @Override
    public String process() {
        return process;
    }

    @Override
    public String source() {
        return source;
    }

    @Override
    public long line() {
        return line;
    }

    /**
     * The same checkout, its endpoint named by a later event when it had none. A suspect stays one, so
     * its return is reported as such and the open-suspect count drops (live mode).
     */
    Checkout withEndpoint(String later) {
        return endpoint != null || later == null ? this
                : new Checkout(process, requestId, connId, acquiredAt, later, source, line, requestEnded, endedAt,
                        thread, suspect);
    }

    OpenCheckout toOpen() {
        return new OpenCheckout(process, requestId, connId, acquiredAt, endpoint, requestEnded, source, line);
    }

    LeakItem toLeak(long lastTime) {
        boolean known = acquiredAt != PoolEvent.NO_TIME && lastTime != PoolEvent.NO_TIME;
        return new LeakItem(process, requestId, connId, endpoint, acquiredAt,
                known ? lastTime - acquiredAt : LeakItem.UNKNOWN_AGE, requestEnded, source, line, thread, null);
    }
}
