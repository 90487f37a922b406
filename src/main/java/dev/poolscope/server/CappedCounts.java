package dev.poolscope.server;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
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

    static Map<String, Long> merge(Map<String, Long> a, Map<String, Long> b) {
        CappedCounts c = new CappedCounts();
        a.forEach(c::add);
        b.forEach(c::add);
        return c.sorted();
    }

    static <T> List<T> firstOf(List<T> a, List<T> b, int max, Comparator<T> order) {
        List<T> all = new java.util.ArrayList<>(a);
        all.addAll(b);
        all.sort(order);
        return all.size() > max ? List.copyOf(all.subList(0, max)) : List.copyOf(all);
    }
}
