package dev.poolscope.findings;

import dev.poolscope.analysis.SignatureSpec;
import java.util.List;


/** The built-in rules' thresholds and the user's own rules, from a rules or config file ({@link RulesFile}). */
public record FindingConfig(FindingSettings settings, List<UserRule> rules) {

    public FindingConfig {
        rules = List.copyOf(rules);
    }

    public static FindingConfig defaults() {
        return new FindingConfig(FindingSettings.defaults(), List.of());
    }

    /** What the analysis must count for the user rules. */
    public List<SignatureSpec> signatures() {
        if (rules.isEmpty()) {
            return List.of();   // the usual case, without a stream pipeline's start-up
        }
        return rules.stream().map(UserRule::match).toList();
    }

}
