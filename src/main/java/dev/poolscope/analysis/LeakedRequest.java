package dev.poolscope.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A request that never returned one or more connections: what a CI failure names so a developer
 * can find the code path. Checkouts without a request id (background jobs) stand alone, named by
 * their connection.
 *
 * @param firstAcquiredAt when the request took its first leaked connection
 * @param connections     leaked connections of the request among the listed leaks
 */
public record LeakedRequest(String process, String requestId, String connId, String endpoint, long firstAcquiredAt,
                            int connections) {

    private static final Comparator<LeakedRequest> TOP = Comparator.comparingInt(LeakedRequest::connections)
            .reversed().thenComparingLong(LeakedRequest::firstAcquiredAt)
            .thenComparing(r -> String.valueOf(r.requestId())).thenComparing(r -> String.valueOf(r.connId()));

    /** The {@code n} requests with most leaked connections, earliest first among equals. */
    public static List<LeakedRequest> top(List<LeakItem> leaks, int n) {
        List<LeakedRequest> all = new ArrayList<>(group(leaks));
        all.sort(TOP);
        return List.copyOf(all.subList(0, Math.min(n, all.size())));
    }

    /** The leaks grouped by request, in the order of the leak list (oldest first as the analysis lists them). */
    public static List<LeakedRequest> group(List<LeakItem> leaks) {
        Map<Object, LeakedRequest> byRequest = new LinkedHashMap<>();
        for (LeakItem leak : leaks) {
            Object key = leak.requestId() == null ? leak : new RequestKey(leak.process(), leak.requestId());
            byRequest.merge(key, of(leak), LeakedRequest::plus);
        }
        return List.copyOf(byRequest.values());
    }

    private static LeakedRequest of(LeakItem leak) {
        return new LeakedRequest(leak.process(), leak.requestId(), leak.connId(), leak.endpoint(), leak.acquiredAt(), 1);
    }

    private LeakedRequest plus(LeakedRequest later) {
        return new LeakedRequest(process, requestId, connId, endpoint != null ? endpoint : later.endpoint,
                Math.min(firstAcquiredAt, later.firstAcquiredAt), connections + later.connections);
    }
}
