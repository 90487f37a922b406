package dev.poolscope.report;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The order every report lists counted things in. */
public final class Ranking {
    private Ranking() {}

    /** Highest count first, then by name, so the output is deterministic. */
    public static List<Map.Entry<String, Long>> byCount(Map<String, Long> counts) {
        return new TreeMap<>(counts).entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .toList();
    }
}
