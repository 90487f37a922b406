package dev.poolscope.analysis;

import java.util.List;
import java.util.Map;

/**
 * What the pool libraries' own messages said (issue #16): null-free, with empty maps and lists, and -1 or
 * null for figures no line gave.
 *
 * @param poolEvents      per input, per dialect: lines that showed its pool (checkouts, stats, leak warnings, …)
 * @param libraryLines    per input, per dialect: every line its library wrote, pool events or not
 * @param suspected       leak warnings (HikariCP "Connection leak detection triggered")
 * @param returnedLate    "unleaked" lines: suspected leaks returned after all
 * @param trueLeaks       warnings never followed by "unleaked" for that connection, oldest first (capped)
 * @param trueLeakCount   exact count of those
 * @param trueLeakRequests distinct requests the true leaks were attributed to (a leak with none counts once)
 * @param returned        the returned-late leaks (capped), their request from the "unleaked" line's own MDC
 * @param byOrigin        true leaks per origin frame, most first
 * @param helpers         frames every borrow passed through, skipped when choosing an origin
 * @param maxSource       where {@code pool.max} came from, or null
 * @param config          pool settings from the configuration dump ("HikariPool-1.maximumPoolSize" → "12")
 * @param peakWaiting     most threads waiting for a connection in a stats line, or -1
 * @param checkoutsLogged whether the dialects read log each checkout (false for HikariCP alone)
 * @param notes           where a figure is approximate, and why
 */
public record LibraryResult(Map<String, Map<String, Long>> poolEvents, Map<String, Map<String, Long>> libraryLines,
                            long suspected, long returnedLate, List<LeakItem> trueLeaks, long trueLeakCount,
                            long trueLeakRequests, List<LeakItem> returned, List<Map.Entry<String, Long>> byOrigin,
                            List<String> helpers, String maxSource, Map<String, String> config, int peakWaiting,
                            boolean checkoutsLogged, List<String> notes) {

    public LibraryResult {
        poolEvents = sorted(poolEvents);
        libraryLines = sorted(libraryLines);
        trueLeaks = List.copyOf(trueLeaks);
        returned = List.copyOf(returned);
        byOrigin = List.copyOf(byOrigin);
        helpers = List.copyOf(helpers);
        config = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(config));
        notes = List.copyOf(notes);
    }

    private static Map<String, Map<String, Long>> sorted(Map<String, Map<String, Long>> m) {
        Map<String, Map<String, Long>> out = new java.util.TreeMap<>();
        m.forEach((k, v) -> out.put(k, java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(v))));
        return java.util.Collections.unmodifiableMap(out);
    }

    /** Nothing from any library (structlog logs; summaries of format version 1). */
    public static LibraryResult none() {
        return new LibraryResult(Map.of(), Map.of(), 0, 0, List.of(), 0, 0, List.of(), List.of(), List.of(), null,
                Map.of(), -1, true, List.of());
    }

    /** Pool events of every input and dialect. */
    public long totalPoolEvents() {
        return poolEvents.values().stream().flatMap(m -> m.values().stream()).mapToLong(Long::longValue).sum();
    }

    /** Whether HikariCP's leak detection was seen at all (its figures are then meaningful). */
    public boolean leakDetection() {
        return suspected > 0 || returnedLate > 0;
    }

    /** The leakDetectionThreshold of HikariCP's configuration dump (the largest of several pools), or -1. */
    public long leakDetectionThreshold() {
        long most = -1;
        for (Map.Entry<String, String> e : config.entrySet()) {
            if (e.getKey().endsWith(".leakDetectionThreshold")) {
                try {
                    most = Math.max(most, Long.parseLong(e.getValue().strip()));
                } catch (NumberFormatException ignored) {
                    // a value the dump did not write as a number says nothing
                }
            }
        }
        return most;
    }

    /**
     * Whether leaked connections can be seen at all: every checkout is logged, or HikariCP's leak detection is
     * known to be on (a leak warning, or leakDetectionThreshold > 0 in its dump). HikariCP without either may leak
     * unseen: zero leaks would be a figure the log never gave.
     */
    public boolean leaksObservable() {
        return checkoutsLogged || leakDetection() || leakDetectionThreshold() > 0;
    }
}
