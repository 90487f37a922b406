package dev.poolscope.sample;

import java.util.Locale;

/** The canned situations the generator can simulate; each maps to a {@link Profile}. */
public enum Scenario {
    /** No leaks, low pool usage, no statement timeouts. */
    HEALTHY,
    /** The seed incident: four routers leak on early-return paths until the pool is exhausted. */
    LEAKY_ROUTERS,
    /** A burst of slow coding-stats calls hitting statement timeouts; a fixed fraction leak. */
    TIMEOUT_STORM,
    /** Several worker processes interleaved in one file, a few leaks, background jobs. */
    MIXED_PROCESSES;

    /** Lower-case, dash-separated name used for sample file names and on the command line. */
    public String slug() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Accepts either the enum name ({@code LEAKY_ROUTERS}) or the slug ({@code leaky-routers}). */
    public static Scenario parse(String text) {
        String normalized = text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (Scenario s : values()) {
            if (s.name().equals(normalized)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown scenario '" + text + "'; expected one of "
                + java.util.Arrays.stream(values()).map(Scenario::slug).toList());
    }

    int defaultProcesses() {
        return this == MIXED_PROCESSES ? 3 : 1;
    }
}
