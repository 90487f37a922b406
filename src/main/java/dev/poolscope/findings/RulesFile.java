package dev.poolscope.findings;

import dev.poolscope.analysis.SignatureSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads findings settings and user rules from properties (a {@code --rules} file or the {@code --config}
 * file): {@code finding.<rule>.<key> = number} and {@code rule.<id>.<key> = value} (docs/findings.md).
 * Other keys are left to whoever reads the rest of the file. Errors name the key.
 */
public final class RulesFile {
    public static final String RULE = "rule.";
    public static final String FINDING = "finding.";
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    private static final Set<String> MATCHES = Set.of("event", "message", "logger", "sqlstate");
    private static final Set<String> KEYS = Set.of("event", "message", "logger", "sqlstate", "severity", "title",
            "advice", "min-count", "min-rate", "window", "doc");
    private static final Duration WINDOW = Duration.ofMinutes(1);

    private RulesFile() {}

    /** Whether a properties key belongs to the findings (so a config reader skips it). */
    public static boolean owns(String key) {
        return key.startsWith(RULE) || key.startsWith(FINDING);
    }

    /** The settings and rules of these properties; other keys are ignored. */
    public static FindingConfig parse(Map<String, String> properties) {
        if (properties.isEmpty()) {
            return FindingConfig.defaults();   // no file: skip the table of known settings (start-up)
        }
        Map<String, String> settings = new TreeMap<>();
        Map<String, Map<String, String>> rules = new TreeMap<>();
        properties.forEach((key, value) -> {
            if (key.startsWith(FINDING)) {
                settings.put(key.substring(FINDING.length()), value);
            } else if (key.startsWith(RULE)) {
                String rest = key.substring(RULE.length());
                int dot = rest.lastIndexOf('.');
                if (dot <= 0 || !KEYS.contains(rest.substring(dot + 1))) {
                    throw new IllegalArgumentException("'" + key + "': expected rule.<id>.<key> with key one of "
                            + new java.util.TreeSet<>(KEYS));
                }
                rules.computeIfAbsent(rest.substring(0, dot), id -> new TreeMap<>()).put(rest.substring(dot + 1),
                        value.strip());
            }
        });
        List<UserRule> parsed = new ArrayList<>();
        rules.forEach((id, keys) -> parsed.add(rule(id, keys)));
        return new FindingConfig(FindingSettings.of(settings), parsed);
    }

    private static UserRule rule(String id, Map<String, String> keys) {
        String where = "rule." + id;
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException(where + ": an id is lower-case letters, digits and dashes");
        }
        if (Findings.BUILT_IN_IDS.contains(id)) {
            throw new IllegalArgumentException(where + ": '" + id + "' is a built-in finding's id");
        }
        List<String> matches = keys.keySet().stream().filter(MATCHES::contains).toList();
        if (matches.size() != 1) {
            throw new IllegalArgumentException(where + ": give exactly one of .event, .message, .logger, .sqlstate");
        }
        String kind = matches.get(0);
        for (String needed : List.of("title", "advice")) {
            if (keys.getOrDefault(needed, "").isEmpty()) {
                throw new IllegalArgumentException(where + "." + needed + " is missing");
            }
        }
        try {
            SignatureSpec spec = new SignatureSpec(id, SignatureSpec.Match.valueOf(kind.toUpperCase(java.util.Locale.ROOT)),
                    keys.get(kind), keys.containsKey("window") ? duration(where, keys.get("window")) : WINDOW);
            return new UserRule(spec, Severity.parse(keys.getOrDefault("severity", "warning")), keys.get("title"),
                    number(where + ".min-count", keys.getOrDefault("min-count", "1")),
                    number(where + ".min-rate", keys.getOrDefault("min-rate", "0")), keys.get("advice"),
                    keys.get("doc"));
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException(where + ".message is not a regular expression: "
                    + e.getDescription());
        } catch (IllegalArgumentException e) {
            throw e.getMessage() != null && e.getMessage().startsWith(where) ? e
                    : new IllegalArgumentException(where + ": " + e.getMessage());
        }
    }

    private static long number(String key, String text) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number, got '" + text + "'");
        }
    }

    /** {@code 500ms}, {@code 30s}, {@code 5m}, {@code 1h}. */
    static Duration duration(String where, String text) {
        var m = Pattern.compile("(\\d{1,9})(ms|s|m|h)").matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException(where + ".window: expected e.g. 30s, 5m, 1h or 500ms, got '" + text + "'");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            default -> Duration.ofHours(n);
        };
    }
}
