package dev.poolscope.findings;

import dev.poolscope.analysis.Diagnosis;
import dev.poolscope.analysis.SignalFamily;
import dev.poolscope.analysis.SignalTally;
import java.util.List;
import java.util.Map;

/**
 * stale-connections-dropped (the seed's problem 5): connections cut while idle by a load balancer, a
 * firewall or a server restart, found dead when next used. A handful is a driver reconnecting (info);
 * more is a warning.
 */
final class StaleConnections implements Rule {
    static final String ID = "stale-connections-dropped";

    @Override
    public String settingsId() {
        return ID;
    }

    @Override
    public Map<String, Double> defaults() {
        return Map.of("min-events", 1.0, "warning-events", 5.0);
    }

    @Override
    public List<Finding> apply(Diagnosis d, FindingSettings s) {
        SignalFamily f = d.evidence().signals().stale();
        if (f.events() == 0 || f.events() < s.count(this, "min-events")) {
            return List.of();
        }
        List<Map.Entry<String, SignalTally>> texts = SchemaMissing.byFirstSeen(f);
        List<Figure> evidence = new FigureList()
                .count("events", "errors", f.events())
                .rows("errors", "error texts (count, first - last seen)", texts.stream()
                        .map(t -> Rows.tally("text", t.getKey(), t.getValue())).toList())
                .rows("by_endpoint", "by endpoint", Rows.worstFirst(f.byEndpoint()).stream().limit(10)
                        .map(e -> Rows.count("endpoint", e, f.byEndpoint().get(e))).toList()).list();
        long first = texts.stream().mapToLong(t -> t.getValue().first()).min().orElseThrow();
        long last = texts.stream().mapToLong(t -> t.getValue().last()).max().orElseThrow();
        Severity severity = f.events() >= s.count(this, "warning-events") ? Severity.WARNING : Severity.INFO;
        String title = String.format(java.util.Locale.ROOT, "%d connection%s found dead on use: %s", f.events(),
                f.events() == 1 ? "" : "s", Rows.names(texts.stream().map(Map.Entry::getKey).toList(), 2));
        return List.of(new Finding(ID, severity, title, evidence, first, last,
                Rows.worstFirst(f.byEndpoint()).stream().limit(10).toList(),
                f.items().stream().limit(s.examples()).map(Rows::example).toList(),
                "Something between the app and the database (load balancer, firewall, NAT) cuts idle"
                        + " connections and the pool hands them out dead. Make the connection lifetime shorter than"
                        + " that idle cut-off (Neo4j max_connection_lifetime, HikariCP maxLifetime, SQLAlchemy"
                        + " pool_recycle), check liveness before use and turn on TCP keepalive.",
                Finding.docOf(ID)));
    }
}
