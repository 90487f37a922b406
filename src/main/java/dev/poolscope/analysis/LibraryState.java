package dev.poolscope.analysis;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * What the pool libraries' messages said, as a summary carries it (issue #16, docs/summaries.md): tallies and
 * configuration that add up, and the state of HikariCP's leak detection that a later summary continues.
 *
 * @param unplaced configuration lines whose thread began its dump before this summary: the pool they belong
 *                 to is named by an earlier summary's {@code dumping}
 * @param dumping  per thread (process and name joined by NUL): the pool whose configuration dump it is writing
 */
public record LibraryState(Map<String, Map<String, Long>> poolEvents, Map<String, Map<String, Long>> libraryLines,
                           Map<String, String> config, List<ConfigLine> unplaced, Map<String, String> dumping, int max,
                           String maxSource, int peakWaiting, boolean checkoutsLogged, boolean hikariSeen,
                           HikariState hikari) {
    /** Configuration entries kept, as in one pass; and threads remembered mid-dump across a seam. */
    static final int MAX_CONFIG = 1000;

    public LibraryState {
        poolEvents = copy(poolEvents);
        libraryLines = copy(libraryLines);
        config = Collections.unmodifiableMap(new TreeMap<>(config));
        unplaced = List.copyOf(unplaced);
        dumping = Collections.unmodifiableMap(new TreeMap<>(dumping));
    }

    /** A configuration line: {@code subject} = {@code text}, written by a thread of a process. */
    public record ConfigLine(String process, String thread, String subject, String text) {}

    public static LibraryState empty() {
        return new LibraryState(Map.of(), Map.of(), Map.of(), List.of(), Map.of(), -1, null, -1, false, false,
                HikariState.empty());
    }

    /** This summary's libraries followed by a later one's. */
    public LibraryState merge(LibraryState l, int maxItems) {
        Map<String, String> cfg = new TreeMap<>(config);
        l.config.forEach((k, v) -> put(cfg, k, v));
        List<ConfigLine> stillUnplaced = new ArrayList<>(unplaced);
        for (ConfigLine c : l.unplaced) {
            String pool = dumping.get(c.process() + "\u0000" + c.thread());
            if (pool != null) {
                put(cfg, pool + "." + c.subject(), c.text());
            } else if (stillUnplaced.size() < MAX_CONFIG) {
                stillUnplaced.add(c);
            }
        }
        Map<String, String> dumps = new TreeMap<>(dumping);
        l.dumping.forEach((k, v) -> {
            if (dumps.size() < MAX_CONFIG || dumps.containsKey(k)) {
                dumps.put(k, v);
            }
        });
        boolean laterMax = l.max > max;
        return new LibraryState(add(poolEvents, l.poolEvents), add(libraryLines, l.libraryLines), cfg, stillUnplaced,
                dumps, laterMax ? l.max : max, laterMax ? l.maxSource : maxSource, Math.max(peakWaiting, l.peakWaiting),
                checkoutsLogged || l.checkoutsLogged, hikariSeen || l.hikariSeen,
                HikariMerge.merge(hikari, l.hikari, maxItems));
    }

    /** What the libraries said once nothing more follows. */
    public LibraryResult finish(long lastTime, int maxItems, Pattern originSkip) {
        Map<String, String> cfg = new TreeMap<>(config);
        unplaced.forEach(c -> put(cfg, "pool." + c.subject(), c.text()));   // as one pass names a dump it did not see begin
        HikariLeaks.Builder b = new HikariLeaks.Builder();
        HikariMerge.finish(hikari, lastTime, maxItems, originSkip, b);
        return new LibraryResult(poolEvents, libraryLines, b.suspected, b.returnedLate, b.trueLeaks, b.trueLeakCount,
                b.trueLeakRequests, b.returned, b.byOrigin, b.helpers, maxSource, cfg, peakWaiting,
                checkoutsLogged || !hikariSeen, b.notes);
    }

    static void put(Map<String, String> config, String key, String value) {
        if (config.size() < MAX_CONFIG) {
            config.put(key, value);
        }
    }

    private static Map<String, Map<String, Long>> add(Map<String, Map<String, Long>> a, Map<String, Map<String, Long>> b) {
        Map<String, Map<String, Long>> out = new TreeMap<>();
        a.forEach((k, m) -> out.put(k, new TreeMap<>(m)));
        b.forEach((k, m) -> m.forEach((d, n) -> out.computeIfAbsent(k, x -> new TreeMap<>()).merge(d, n, Long::sum)));
        return out;
    }

    private static Map<String, Map<String, Long>> copy(Map<String, Map<String, Long>> m) {
        Map<String, Map<String, Long>> out = new TreeMap<>();
        m.forEach((k, v) -> out.put(k, Collections.unmodifiableMap(new TreeMap<>(v))));
        return Collections.unmodifiableMap(out);
    }
}
