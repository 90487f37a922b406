package dev.poolscope.findings;

import java.util.List;
import java.util.Objects;

/**
 * A recognised problem: which one ({@code id}, stable), how bad, the figures that fired it, a few lines
 * of the log behind it, and what usually fixes it (docs/findings.md).
 *
 * @param firstSeen  start of the evidence's time span, or {@code PoolEvent.NO_TIME}
 * @param lastSeen   end of that span, or {@code PoolEvent.NO_TIME}
 * @param endpoints  the endpoints involved, worst first
 * @param doc        where the runbook section is
 */
public record Finding(String id, Severity severity, String title, List<Figure> evidence, long firstSeen,
                      long lastSeen, List<String> endpoints, List<Example> examples, String advice, String doc) {

    public Finding {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(severity, "severity");
        evidence = List.copyOf(evidence);
        endpoints = List.copyOf(endpoints);
        examples = List.copyOf(examples);
    }

    /** The runbook link of a built-in finding. */
    static String docOf(String id) {
        return "docs/findings.md#" + id;
    }
}
