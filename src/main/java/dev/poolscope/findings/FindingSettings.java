package dev.poolscope.findings;

import java.util.Map;
import java.util.TreeMap;

/**
 * The built-in rules' thresholds: each rule's defaults ({@link Rule#defaults()}), changed by
 * {@code finding.<rule>.<key> = value} lines of a rules or config file (docs/findings.md).
 */
public final class FindingSettings {
    /** Examples listed per finding unless {@code finding.examples} says otherwise. */
    static final int EXAMPLES = 5;

    private final Map<String, Double> values;

    private FindingSettings(Map<String, Double> values) {
        this.values = Map.copyOf(values);
    }

    public static FindingSettings defaults() {
        return new FindingSettings(Map.of());
    }

    /**
     * Settings from {@code rule.key → value} pairs; unknown rules or keys and non-numbers are refused
     * with the known ones named.
     */
    public static FindingSettings of(Map<String, String> settings) {
        Map<String, Double> known = known();
        Map<String, Double> out = new TreeMap<>();
        settings.forEach((key, text) -> {
            if (!known.containsKey(key)) {
                throw new IllegalArgumentException("unknown finding setting 'finding." + key + "' (known: finding."
                        + String.join(", finding.", known.keySet()) + ")");
            }
            try {
                double v = Double.parseDouble(text.strip());
                if (!(v >= 0) || Double.isInfinite(v)) {
                    throw new NumberFormatException();
                }
                out.put(key, v);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("finding." + key + " must be a number >= 0, got '" + text + "'");
            }
        });
        return new FindingSettings(out);
    }

    /** Every setting with its default, for docs and error messages. */
    public static Map<String, Double> known() {
        Map<String, Double> all = new TreeMap<>();
        all.put("examples", (double) EXAMPLES);
        for (Rule r : Findings.BUILT_IN) {
            r.defaults().forEach((k, v) -> all.put(r.settingsId() + "." + k, v));
        }
        return all;
    }

    double get(Rule rule, String key) {
        String full = rule.settingsId() + "." + key;
        Double v = values.get(full);
        if (v != null) {
            return v;
        }
        Double d = rule.defaults().get(key);
        if (d == null) {
            throw new IllegalStateException("no default for " + full);
        }
        return d;
    }

    long count(Rule rule, String key) {
        return (long) Math.ceil(get(rule, key));
    }

    int examples() {
        return (int) Math.min(1000, values.getOrDefault("examples", (double) EXAMPLES));
    }
}
