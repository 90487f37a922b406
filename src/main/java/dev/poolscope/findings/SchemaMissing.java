package dev.poolscope.findings;

import dev.poolscope.analysis.Diagnosis;
import dev.poolscope.analysis.SignalFamily;
import dev.poolscope.analysis.SignalTally;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * schema-missing (the seed's problem 2): {@code relation "…" does not exist}, SQLSTATE 42P01 or an
 * undefined-table error from any driver. Names the relations and when each was first seen.
 */
final class SchemaMissing implements Rule {
    static final String ID = "schema-missing";

    @Override
    public String settingsId() {
        return ID;
    }

    @Override
    public Map<String, Double> defaults() {
        return Map.of("min-events", 1.0);
    }

    @Override
    public List<Finding> apply(Diagnosis d, FindingSettings s) {
        SignalFamily f = d.evidence().signals().schema();
        if (f.events() == 0 || f.events() < s.count(this, "min-events")) {
            return List.of();
        }
        List<Map.Entry<String, SignalTally>> relations = byFirstSeen(f);
        List<String> names = relations.stream().map(Map.Entry::getKey).toList();
        List<Figure> evidence = new FigureList()
                .count("events", "errors", f.events())
                .rows("relations", "relations (errors, first - last seen)", relations.stream()
                        .map(r -> Rows.tally("relation", r.getKey(), r.getValue())).toList())
                .rows("by_endpoint", "by endpoint", Rows.worstFirst(f.byEndpoint()).stream().limit(10)
                        .map(e -> Rows.count("endpoint", e, f.byEndpoint().get(e))).toList()).list();
        long first = relations.stream().mapToLong(r -> r.getValue().first()).min().orElseThrow();
        long last = relations.stream().mapToLong(r -> r.getValue().last()).max().orElseThrow();
        String title = String.format(java.util.Locale.ROOT, "Missing table%s: %s (%d error%s)",
                names.size() == 1 ? "" : "s", Rows.names(names, 4), f.events(), f.events() == 1 ? "" : "s");
        return List.of(new Finding(ID, Severity.CRITICAL, title, evidence, first, last,
                Rows.worstFirst(f.byEndpoint()).stream().limit(10).toList(),
                f.items().stream().limit(s.examples()).map(Rows::example).toList(),
                "The code expects tables this database does not have: a migration never ran here, or ran"
                        + " against another database or schema (search_path). Run migrations at start-up or"
                        + " in the deploy, not by hand, and fail the start if the schema is behind.",
                Finding.docOf(ID)));
    }

    static List<Map.Entry<String, SignalTally>> byFirstSeen(SignalFamily f) {
        return f.byKey().entrySet().stream().sorted(Comparator.comparingLong(
                (Map.Entry<String, SignalTally> e) -> e.getValue().first()).thenComparing(Map.Entry::getKey)).toList();
    }
}
