package dev.poolscope.findings;

import dev.poolscope.analysis.SignatureSpec;
import java.util.Objects;

/**
 * A team's own signature (docs/findings.md#user-defined-signatures): what to match, how often it must
 * match to count, and what to say.
 *
 * @param minCount fires at this many matches or more
 * @param minRate  and when some window had at least this many (0: any)
 * @param doc      the team's runbook link, or null for the section on user signatures
 */
public record UserRule(SignatureSpec match, Severity severity, String title, long minCount, long minRate,
                       String advice, String doc) {

    public UserRule {
        Objects.requireNonNull(match, "match");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(advice, "advice");
        if (minCount < 1 || minRate < 0) {
            throw new IllegalArgumentException("rule " + match.id() + ": min-count must be at least 1, min-rate at least 0");
        }
    }

    public String id() {
        return match.id();
    }
}
