package dev.poolscope.analysis;

import dev.poolscope.event.PoolEvent;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Fills in what an event leaves out from what came before it: the endpoint its request named earlier,
 * and a time for events without one (the previous event's). Remembers recent requests only, so memory
 * stays bounded however many requests the log has; requests forget themselves when they end.
 */
final class RequestContext {
    static final int REMEMBERED_REQUESTS = 65_536;

    private final Map<RequestKey, String> endpoints = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<RequestKey, String> eldest) {
            return size() > REMEMBERED_REQUESTS;
        }
    };
    private long lastTime = PoolEvent.NO_TIME;

    PoolEvent enrich(PoolEvent e) {
        long time = e.hasTime() ? e.time() : lastTime;
        if (e.hasTime()) {
            lastTime = e.time();
        }
        String endpoint = e.endpoint();
        if (e.requestId() != null) {
            RequestKey key = new RequestKey(e.process(), e.requestId());
            if (endpoint != null) {
                endpoints.put(key, endpoint);
            } else {
                endpoint = endpoints.get(key);
            }
            if (e.kind() == dev.poolscope.event.EventKind.REQUEST_END) {
                endpoints.remove(key);
            }
        }
        if (time == e.time() && endpoint == e.endpoint()) {
            return e;
        }
        return new PoolEvent(e.kind(), time, e.process(), e.requestId(), e.connId(), e.poolUsed(), e.poolMax(),
                endpoint, e.statementTimeout(), e.exhaustionText(), e.source(), e.line());
    }
}
