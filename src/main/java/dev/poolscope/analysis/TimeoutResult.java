package dev.poolscope.analysis;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Statement timeouts: PostgreSQL cancelling a statement for {@code statement_timeout}.
 *
 * @param requests        distinct requests that hit at least one, as far as remembered
 * @param requestsByLimit timeouts of requests beyond the memory limit, each counted as a request
 *                        ({@link TimeoutCollector}); 0 below the limit
 */
public record TimeoutResult(long events, Set<RequestKey> requests, Map<String, Long> byEndpoint,
                            List<TimeoutEvent> items, long requestsByLimit) {

    public TimeoutResult(long events, Set<RequestKey> requests, Map<String, Long> byEndpoint, List<TimeoutEvent> items) {
        this(events, requests, byEndpoint, items, 0);
    }

    /** Distinct requests with a timeout; an upper bound when {@link #requestsByLimit} is not 0. */
    public long requestCount() {
        return requests.size() + requestsByLimit;
    }

    public TimeoutResult {
        requests = Set.copyOf(requests);
        byEndpoint = Map.copyOf(byEndpoint);
        items = List.copyOf(items);
    }

    public static TimeoutResult empty() {
        return new TimeoutResult(0, Set.of(), Map.of(), List.of());
    }

    /** This input followed by a later one: totals add, requests unite, items keep input order up to the cap. */
    public TimeoutResult merge(TimeoutResult later, int maxItems) {
        Set<RequestKey> all = new java.util.HashSet<>(requests);
        all.addAll(later.requests);
        Map<String, Long> endpoints = new java.util.HashMap<>(byEndpoint);
        later.byEndpoint.forEach((k, v) -> endpoints.merge(k, v, Long::sum));
        List<TimeoutEvent> listed = new java.util.ArrayList<>(items);
        for (TimeoutEvent t : later.items) {
            if (listed.size() < maxItems) {
                listed.add(t);
            }
        }
        return new TimeoutResult(events + later.events, all, endpoints, listed,
                requestsByLimit + later.requestsByLimit);
    }
}
