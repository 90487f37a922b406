package dev.poolscope.analysis;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Statement timeouts: PostgreSQL cancelling a statement for {@code statement_timeout}.
 *
 * @param requests distinct requests that hit at least one
 */
public record TimeoutResult(long events, Set<RequestKey> requests, Map<String, Long> byEndpoint,
                            List<TimeoutEvent> items) {

    public TimeoutResult {
        requests = Set.copyOf(requests);
        byEndpoint = Map.copyOf(byEndpoint);
        items = List.copyOf(items);
    }
}
