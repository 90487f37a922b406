package dev.poolscope.server;

import java.util.LinkedHashMap;
import java.util.Map;

/** Counts per name, at most {@link #MAX_NAMES} names; later new names are counted under {@link #OTHER}. */
final class CappedCounts {
    static final int MAX_NAMES = 1000;
    static final String OTHER = "(other)";
    static final String UNKNOWN = "(unknown)";
    private final Map<String, Long> counts = new LinkedHashMap<>();

    void add(String name, long n) {
        String key = name == null ? UNKNOWN : name;
        if (!counts.containsKey(key) && counts.size() >= MAX_NAMES) {
            key = OTHER;
        }
        counts.merge(key, n, Long::sum);
    }

    /** Most first, then by name: deterministic. */
    Map<String, Long> sorted() {
        Map<String, Long> out = new LinkedHashMap<>();
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }
}
