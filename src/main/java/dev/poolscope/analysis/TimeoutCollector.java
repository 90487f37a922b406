package dev.poolscope.analysis;

import dev.poolscope.event.PoolEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Collects statement timeouts. The decoder already decided which events are timeouts, from their text
 * or SQLSTATE 57014, never from an event name: {@code *.timeout_or_error} also reports other errors.
 * Distinct timed-out requests are remembered up to a limit the heap allows ({@link MemoryLimits}); past
 * it, a timeout of a request not remembered counts as one more request (an upper bound: retries of it
 * count again) in {@code requestsByLimit}, and the report says so.
 */
public final class TimeoutCollector implements Analyzer<TimeoutResult> {
    private final int maxItems;
    private final Set<RequestKey> requests = new HashSet<>();
    private final Map<String, Long> byEndpoint = new HashMap<>();
    private final List<TimeoutEvent> items = new ArrayList<>();
    private final int maxRequests;
    private long events;
    private long requestsByLimit;

    public TimeoutCollector(AnalysisOptions options) {
        this(options, MemoryLimits.ofThisJvm().timedOutRequests());
    }

    TimeoutCollector(AnalysisOptions options, int maxRequests) {
        this.maxItems = options.maxItems();
        this.maxRequests = maxRequests;
    }

    @Override
    public void accept(PoolEvent e) {
        if (!e.statementTimeout()) {
            return;
        }
        events++;
        if (e.requestId() != null) {
            RequestKey key = new RequestKey(e.process(), e.requestId());
            if (requests.size() < maxRequests) {
                requests.add(key);
            } else if (!requests.contains(key)) {
                requestsByLimit++;
            }
        }
        String endpoint = Endpoint.orUnknown(e.endpoint());
        if (byEndpoint.containsKey(endpoint) || byEndpoint.size() < Endpoint.MAX_DISTINCT) {
            byEndpoint.merge(endpoint, 1L, Long::sum);
        } else {
            byEndpoint.merge(Endpoint.OTHER, 1L, Long::sum);
        }
        if (items.size() < maxItems) {
            items.add(new TimeoutEvent(e.time(), e.process(), e.requestId(), e.endpoint(), e.source(), e.line()));
        }
    }

    /** Whether the request has hit a statement timeout so far. */
    boolean timedOut(RequestKey key) {
        return requests.contains(key);
    }

    @Override
    public TimeoutResult finish() {
        return new TimeoutResult(events, requests, byEndpoint, items, requestsByLimit);
    }
}
