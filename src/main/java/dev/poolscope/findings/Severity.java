package dev.poolscope.findings;

import java.util.Locale;

/** How urgent a finding is; ordered, so {@code finding:*:warning} means warning or worse. */
public enum Severity {
    INFO,
    WARNING,
    CRITICAL;

    public String slug() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code info}, {@code warning} or {@code critical}, any case. */
    public static Severity parse(String text) {
        for (Severity s : values()) {
            if (s.slug().equalsIgnoreCase(text.strip())) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown severity '" + text + "' (expected info, warning or critical)");
    }
}
