package dev.poolscope.findings;

import dev.poolscope.analysis.Diagnosis;
import dev.poolscope.analysis.Endpoint;
import dev.poolscope.analysis.EndpointHolds;
import dev.poolscope.analysis.EndpointRow;
import dev.poolscope.analysis.HoldTimes;
import dev.poolscope.analysis.Percentiles;
import dev.poolscope.analysis.TimeoutEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * slow-endpoint-holds-connections: an endpoint whose p95 hold time is far above every other endpoint's
 * taken together, and long in absolute terms: it ties up connections the rest of the service needs.
 */
final class SlowEndpoint implements Rule {
    static final String ID = "slow-endpoint-holds-connections";

    @Override
    public String settingsId() {
        return ID;
    }

    @Override
    public Map<String, Double> defaults() {
        return Map.of("min-checkouts", 20.0, "factor", 5.0, "min-p95-ms", 500.0);
    }

    @Override
    public List<Finding> apply(Diagnosis d, FindingSettings s) {
        List<Finding> out = new ArrayList<>();
        Map<String, EndpointHolds> holds = d.checkouts().endpoints();
        for (EndpointRow e : d.endpoints()) {
            Percentiles mine = e.holdTimes();
            if (e.endpoint().equals(Endpoint.UNKNOWN) || e.endpoint().equals(Endpoint.OTHER)
                    || mine.count() < s.count(this, "min-checkouts") || mine.p95() < s.get(this, "min-p95-ms")) {
                continue;
            }
            HoldTimes rest = new HoldTimes();
            holds.forEach((name, h) -> {
                if (!name.equals(e.endpoint())) {
                    rest.add(h.holds());
                }
            });
            Percentiles others = rest.percentiles();
            if (others.count() == 0 || mine.p95() < s.get(this, "factor") * others.p95()) {
                continue;
            }
            out.add(finding(d, e, others, s));
        }
        return out;
    }

    private Finding finding(Diagnosis d, EndpointRow e, Percentiles others, FindingSettings s) {
        Percentiles mine = e.holdTimes();
        List<Figure> evidence = new FigureList()
                .text("endpoint", "endpoint", e.endpoint())
                .count("checkouts", "returned checkouts", mine.count())
                .millis("hold_p50_ms", "p50 hold (ms)", mine.p50())
                .millis("hold_p95_ms", "p95 hold (ms)", mine.p95())
                .millis("hold_max_ms", "max hold (ms)", mine.max())
                .millis("others_p95_ms", "p95 hold of all other endpoints (ms)", others.p95())
                .count("statement_timeouts", "statement timeouts on it", e.statementTimeouts()).list();
        List<TimeoutEvent> timeouts = d.timeouts().items().stream()
                .filter(t -> e.endpoint().equals(t.endpoint())).toList();
        long first = timeouts.isEmpty() ? dev.poolscope.event.PoolEvent.NO_TIME : timeouts.get(0).time();
        long last = timeouts.isEmpty() ? dev.poolscope.event.PoolEvent.NO_TIME : timeouts.get(timeouts.size() - 1).time();
        String title = String.format(java.util.Locale.ROOT,
                "%s holds connections %.0f ms at p95, %.0fx the other endpoints%s", e.endpoint(), mine.p95(),
                others.p95() > 0 ? mine.p95() / others.p95() : 0, e.statementTimeouts() > 0
                        ? ", with " + e.statementTimeouts() + " statement timeouts" : "");
        Severity severity = e.statementTimeouts() > 0 ? Severity.WARNING : Severity.INFO;
        return new Finding(ID, severity, title, evidence, first, last, List.of(e.endpoint()),
                timeouts.stream().limit(s.examples()).map(t -> new dev.poolscope.findings.Example(t.time(), t.source(),
                        t.line(), t.requestId(), t.endpoint(), "statement timeout")).toList(),
                "One slow query keeps connections the rest of the service needs. Optimise it (an index, a"
                        + " smaller result), cache what rarely changes, or give it a small pool of its own;"
                        + " a per-endpoint statement_timeout bounds the damage meanwhile.",
                Finding.docOf(ID));
    }
}
