package dev.poolscope.analysis;

import java.util.Locale;

/** Health level, ordered from best to worst. */
public enum Level {
    OK, WARNING, CRITICAL;

    public Level worst(Level other) {
        return other.compareTo(this) > 0 ? other : this;
    }

    /** Lower-case name used in reports: {@code ok}, {@code warning}, {@code critical}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
