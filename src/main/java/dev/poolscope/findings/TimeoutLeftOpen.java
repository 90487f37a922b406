package dev.poolscope.findings;

import dev.poolscope.analysis.Diagnosis;
import dev.poolscope.analysis.Endpoint;
import dev.poolscope.analysis.LeakItem;
import dev.poolscope.analysis.LongHold;
import dev.poolscope.analysis.RequestKey;
import dev.poolscope.event.PoolEvent;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * timeout-left-connection-open (the seed's problem 4): a request hit a statement timeout and its
 * checkout was never returned, or came back only after the leak threshold.
 */
final class TimeoutLeftOpen implements Rule {
    static final String ID = "timeout-left-connection-open";

    @Override
    public String settingsId() {
        return ID;
    }

    @Override
    public Map<String, Double> defaults() {
        return Map.of("min-requests", 1.0, "critical-requests", 10.0);
    }

    @Override
    public List<Finding> apply(Diagnosis d, FindingSettings s) {
        Set<RequestKey> timedOut = d.timeouts().requests();
        long leftOpen = d.timeoutRequestsLeftOpen();
        List<LongHold> late = d.checkouts().longHolds().stream()
                .filter(h -> h.requestId() != null && timedOut.contains(new RequestKey(h.process(), h.requestId())))
                .toList();
        long requests = leftOpen + late.stream().map(h -> new RequestKey(h.process(), h.requestId())).distinct().count();
        if (requests == 0 || requests < s.count(this, "min-requests")) {
            return List.of();
        }
        List<LeakItem> leaks = d.checkouts().leaks().stream()
                .filter(l -> l.requestId() != null && timedOut.contains(new RequestKey(l.process(), l.requestId())))
                .toList();
        Map<String, Long> byEndpoint = new HashMap<>();
        leaks.forEach(l -> byEndpoint.merge(Endpoint.orUnknown(l.endpoint()), 1L, Long::sum));
        late.forEach(h -> byEndpoint.merge(Endpoint.orUnknown(h.endpoint()), 1L, Long::sum));
        List<String> endpoints = Rows.worstFirst(byEndpoint);
        List<Figure> evidence = new FigureList()
                .count("timed_out_requests", "requests with a statement timeout", timedOut.size())
                .count("left_open", "of them never returned a connection", leftOpen)
                .count("returned_late", "returned only after the leak threshold (listed holds)",
                        late.stream().map(h -> new RequestKey(h.process(), h.requestId())).distinct().count())
                .count("statement_timeouts", "statement timeouts", d.timeouts().events())
                .rows("by_endpoint", "by endpoint (checkouts)", endpoints.stream()
                        .map(e -> Rows.count("endpoint", e, byEndpoint.get(e))).toList()).list();
        long first = leaks.stream().mapToLong(LeakItem::acquiredAt).filter(t -> t != PoolEvent.NO_TIME).min()
                .orElse(PoolEvent.NO_TIME);
        long last = leaks.stream().mapToLong(LeakItem::acquiredAt).max().orElse(PoolEvent.NO_TIME);
        Severity severity = requests >= s.count(this, "critical-requests") ? Severity.CRITICAL : Severity.WARNING;
        String title = String.format(java.util.Locale.ROOT,
                "%d request%s hit a statement timeout and kept %s connection, on %s", requests,
                requests == 1 ? "" : "s", requests == 1 ? "its" : "their", Rows.names(endpoints, 3));
        return List.of(new Finding(ID, severity, title, evidence, first, last, endpoints,
                leaks.stream().limit(s.examples()).map(Rows::example).toList(),
                "The cleanup after a cancelled statement did not run or did not return the connection. Roll back"
                        + " before putconn and return the connection in a finally that also runs on timeouts; set"
                        + " statement_timeout on the slow endpoint so it fails fast (seed problem 4).",
                Finding.docOf(ID)));
    }
}
