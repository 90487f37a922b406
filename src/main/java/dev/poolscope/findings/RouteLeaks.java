package dev.poolscope.findings;

import dev.poolscope.analysis.Diagnosis;
import dev.poolscope.analysis.Endpoint;
import dev.poolscope.analysis.EndpointRow;
import dev.poolscope.analysis.LeakItem;
import dev.poolscope.event.PoolEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * route-leaks-connections (the seed's problem 1): checkouts never returned, named by endpoint with
 * leaked against total checkouts, so the handler or dependency that forgets its connection can be found.
 */
final class RouteLeaks implements Rule {
    static final String ID = "route-leaks-connections";

    @Override
    public String settingsId() {
        return ID;
    }

    @Override
    public Map<String, Double> defaults() {
        return Map.of("min-leaks", 3.0, "critical-leaks", 10.0, "max-endpoints", 10.0);
    }

    @Override
    public List<Finding> apply(Diagnosis d, FindingSettings s) {
        long leaked = d.checkouts().leakedCheckouts();
        List<EndpointRow> leaking = d.endpoints().stream().filter(e -> e.leakedCheckouts() > 0)
                .limit(s.count(this, "max-endpoints")).toList();   // already worst first
        if (leaked < s.count(this, "min-leaks") || leaking.isEmpty()) {
            return List.of();
        }
        List<Figure.Row> rows = new ArrayList<>();
        long first = PoolEvent.NO_TIME;
        long last = PoolEvent.NO_TIME;
        for (EndpointRow e : leaking) {
            List<LeakItem> items = d.checkouts().leaks().stream().filter(l -> sameEndpoint(l, e)).toList();
            long from = items.stream().mapToLong(LeakItem::acquiredAt).filter(t -> t != PoolEvent.NO_TIME).min()
                    .orElse(PoolEvent.NO_TIME);
            long to = items.stream().mapToLong(LeakItem::acquiredAt).max().orElse(PoolEvent.NO_TIME);
            first = from == PoolEvent.NO_TIME ? first : first == PoolEvent.NO_TIME ? from : Math.min(first, from);
            last = Math.max(last, to);
            rows.add(Rows.endpoint(e.endpoint(), e.leakedCheckouts(), e.checkouts(), from, to));
        }
        long onListed = leaking.stream().mapToLong(EndpointRow::leakedCheckouts).sum();
        List<Figure> evidence = new FigureList()
                .count("leaked_checkouts", "leaked checkouts", leaked)
                .count("requests_without_close", "requests without close", d.requestsWithoutClose())
                .count("endpoints_with_leaks", "endpoints with leaks",
                        d.endpoints().stream().filter(e -> e.leakedCheckouts() > 0).count())
                .count("endpoints_in_service", "endpoints seen", d.endpoints().size())
                .share("listed_share", "share on the endpoints listed", (double) onListed / leaked)
                .rows("by_endpoint", "by endpoint (leaked / checkouts, first - last leak)", rows).list();
        Severity severity = leaked >= s.count(this, "critical-leaks") ? Severity.CRITICAL : Severity.WARNING;
        String title = String.format(java.util.Locale.ROOT, "%d connection%s never returned, by %d request%s, on %s",
                leaked, leaked == 1 ? "" : "s", d.requestsWithoutClose(), d.requestsWithoutClose() == 1 ? "" : "s",
                Rows.names(leaking.stream().map(EndpointRow::endpoint).toList(), 3));
        return List.of(new Finding(ID, severity, title, evidence, first, last,
                leaking.stream().map(EndpointRow::endpoint).toList(), examples(d, leaking, s.examples()),
                "The handler or dependency takes a client and does not give its connection back on some path"
                        + " (an early return, an error). Return it on every path: a yield-plus-finally dependency,"
                        + " try/finally or a context manager. Raising the pool size only delays the outage.",
                Finding.docOf(ID)));
    }

    private static boolean sameEndpoint(LeakItem l, EndpointRow e) {
        return Endpoint.orUnknown(l.endpoint()).equals(e.endpoint());
    }

    /** A few leaks from each listed endpoint in turn, worst endpoint first. */
    private static List<Example> examples(Diagnosis d, List<EndpointRow> leaking, int n) {
        List<Example> out = new ArrayList<>();
        for (int round = 0; out.size() < n && round < n; round++) {
            for (EndpointRow e : leaking) {
                List<LeakItem> items = d.checkouts().leaks().stream().filter(l -> sameEndpoint(l, e)).toList();
                if (round < items.size() && out.size() < n) {
                    out.add(Rows.example(items.get(round)));
                }
            }
        }
        return out;
    }
}
