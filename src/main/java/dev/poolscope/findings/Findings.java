package dev.poolscope.findings;

import dev.poolscope.analysis.Diagnosis;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/** Runs every rule over a diagnosis: the findings, worst first (docs/findings.md). */
public final class Findings {
    /** The built-in rules, in the order findings of equal severity are listed. */
    static final List<Rule> BUILT_IN = List.of(new PoolExhaustion(), new RouteLeaks(), new TimeoutLeftOpen(),
            new SchemaMissing(), new SlowEndpoint(), new StaleConnections(), new UnpairedReturns());
    /** Ids a user rule may not take. */
    public static final Set<String> BUILT_IN_IDS = Set.of(RouteLeaks.ID, PoolExhaustion.BY_LEAKS,
            PoolExhaustion.BY_LOAD, TimeoutLeftOpen.ID, SlowEndpoint.ID, SchemaMissing.ID, StaleConnections.ID,
            UnpairedReturns.ID);

    private Findings() {}

    public static List<Finding> evaluate(Diagnosis d) {
        return evaluate(d, FindingConfig.defaults());
    }

    public static List<Finding> evaluate(Diagnosis d, FindingConfig config) {
        List<Finding> out = new ArrayList<>();
        for (Rule r : BUILT_IN) {
            out.addAll(r.apply(d, config.settings()));
        }
        for (UserRule r : config.rules()) {
            UserSignatures.apply(r, d, config.settings().examples()).ifPresent(out::add);
        }
        out.sort(Comparator.comparing(Finding::severity).reversed());   // stable: rule order among equals
        return List.copyOf(out);
    }
}
