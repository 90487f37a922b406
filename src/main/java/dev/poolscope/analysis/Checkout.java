package dev.poolscope.analysis;

import dev.poolscope.event.PoolEvent;

/** A connection taken and not yet given back. Mutable only while open: a later event may name its endpoint. */
final class Checkout {
    final String process;
    final String requestId;
    final String connId;
    final long acquiredAt;
    final String source;
    final long line;
    String endpoint;
    boolean requestEnded;
    /** Order of arrival: with several candidates the latest closes first, so a restored set must keep it. */
    long seq;
    long endedAt = dev.poolscope.event.PoolEvent.NO_TIME;

    Checkout(String process, String requestId, String connId, long acquiredAt, String endpoint, String source,
             long line) {
        this.process = process;
        this.requestId = requestId;
        this.connId = connId;
        this.acquiredAt = acquiredAt;
        this.endpoint = endpoint;
        this.source = source;
        this.line = line;
    }

    OpenCheckout toOpen() {
        return new OpenCheckout(process, requestId, connId, acquiredAt, endpoint, requestEnded, source, line);
    }

    static Checkout of(OpenCheckout o) {
        Checkout c = new Checkout(o.process(), o.requestId(), o.connId(), o.acquiredAt(), o.endpoint(), o.source(),
                o.line());
        c.requestEnded = o.requestEnded();
        return c;
    }

    LeakItem toLeak(long lastTime) {
        boolean known = acquiredAt != PoolEvent.NO_TIME && lastTime != PoolEvent.NO_TIME;
        return new LeakItem(process, requestId, connId, endpoint, acquiredAt,
                known ? lastTime - acquiredAt : LeakItem.UNKNOWN_AGE, requestEnded, source, line);
    }
}
