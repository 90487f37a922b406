package dev.poolscope.findings;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code check --fail-on finding:…} (docs/ci.md): {@code finding:ID} fails on that finding,
 * {@code finding:*} on any, {@code finding:*:warning} on any at warning or worse.
 */
public final class FindingGate {
    public static final String PREFIX = "finding:";

    /** One finding and whether it fails the build. */
    public record Check(Finding finding, boolean failed) {}

    private final List<String> ids = new ArrayList<>();
    private Severity anyAtLeast;

    private FindingGate() {}

    public static boolean isFindingSpec(String spec) {
        return spec.strip().toLowerCase(Locale.ROOT).startsWith(PREFIX);
    }

    /** The gate of these {@code finding:…} specs; a bad one is an {@link IllegalArgumentException}. */
    public static FindingGate of(List<String> specs) {
        FindingGate g = new FindingGate();
        for (String spec : specs) {
            String rest = spec.strip().substring(PREFIX.length());
            if (rest.equals("*")) {
                g.lower(Severity.INFO);
            } else if (rest.startsWith("*:")) {
                g.lower(Severity.parse(rest.substring(2)));
            } else if (rest.matches("[a-z0-9][a-z0-9-]{0,62}")) {
                g.ids.add(rest);
            } else {
                throw new IllegalArgumentException("'" + spec + "': expected finding:ID, finding:* or finding:*:SEVERITY");
            }
        }
        return g;
    }

    private void lower(Severity s) {
        anyAtLeast = anyAtLeast == null || s.compareTo(anyAtLeast) < 0 ? s : anyAtLeast;
    }

    public boolean isEmpty() {
        return ids.isEmpty() && anyAtLeast == null;
    }

    public boolean fails(Finding f) {
        return ids.contains(f.id()) || anyAtLeast != null && f.severity().compareTo(anyAtLeast) >= 0;
    }

    public List<Check> checks(List<Finding> findings) {
        return findings.stream().map(f -> new Check(f, fails(f))).toList();
    }
}
