package dev.poolscope.analysis;

import dev.poolscope.event.PoolEvent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Continues HikariCP's leak detection of one summary with a later one's, and finishes it (docs/summaries.md).
 * The later summary's first event on a connection replaces (a warning) or returns (an "unleaked" line) an
 * earlier open warning of it, as in one pass; its warnings that assumed the minimum threshold, or found no
 * request in their thread's history, are attributed again with the earlier threshold and thread history.
 */
final class HikariMerge {
    private HikariMerge() {}

    static HikariState merge(HikariState e, HikariState l, int maxItems) {
        Map<String, LeakWarning> open = new LinkedHashMap<>();
        e.open().forEach(w -> open.put(HikariLeaks.key(w.process(), w.connection()), w));
        long[] counts = {e.guessed() + l.guessed(), e.unattributed() + l.unattributed()};
        List<LeakReturn> later = new ArrayList<>();
        for (LeakReturn r : l.returned()) {   // their own warnings may need the earlier threshold and history
            later.add(r.warning() == null ? r : r.withWarning(attribute(r.warning(), e, counts)));
        }
        for (HikariState.KeyFirst f : l.firsts()) {
            LeakWarning w = open.remove(HikariLeaks.key(f.process(), f.connection()));
            if (w != null && f.returned() && f.index() >= 0 && f.index() < later.size()) {
                later.set(f.index(), later.get(f.index()).withWarning(w));   // returned late across the seam
            }
        }
        for (LeakWarning w : l.open()) {
            LeakWarning again = attribute(w, e, counts);
            open.put(HikariLeaks.key(again.process(), again.connection()), again);
        }
        List<LeakReturn> returned = new ArrayList<>(e.returned());
        for (LeakReturn r : later) {
            if (returned.size() >= maxItems) {
                break;
            }
            returned.add(r);
        }
        return new HikariState(l.thresholdMs() > 0 ? l.thresholdMs() : e.thresholdMs(), e.suspected() + l.suspected(),
                e.returnedLate() + l.returnedLate(), e.overflow() + l.overflow(), counts[0], counts[1],
                e.dropped() + l.dropped(), new ArrayList<>(open.values()), returned, firsts(e, l, returnedShift(e, maxItems)),
                tail(e.tail(), l.tail()), LeakOrigins.merge(e.origins(), l.origins()));
    }

    /** A later warning attributed with what the earlier summary knew, if it still needed that. */
    private static LeakWarning attribute(LeakWarning w, HikariState e, long[] counts) {
        if (!w.pending()) {
            return w;
        }
        long threshold = w.thresholdMs() > 0 ? w.thresholdMs() : e.thresholdMs();
        List<ThreadStep> steps = ThreadRequests.join(e.tail().get(HikariLeaks.key(w.process(), w.thread())),
                w.history(), HikariLeaks.HISTORY);
        LeakWarning probe = new LeakWarning(w.process(), w.connection(), w.thread(), w.warnedAt(), threshold, null, null,
                w.frames(), w.source(), w.line(), List.of());
        ThreadStep s = ThreadRequests.at(steps, probe.borrowedAt());
        counts[0] -= w.thresholdMs() <= 0 && threshold > 0 ? 1 : 0;
        counts[1] += (s == null ? 1 : 0) - (w.requestId() == null ? 1 : 0);
        return w.attributed(threshold, s, steps);
    }

    private static int returnedShift(HikariState e, int maxItems) {
        return Math.min(e.returned().size(), maxItems);
    }

    /** The merged summary's first event per connection: the earlier one's, else the later one's. */
    private static List<HikariState.KeyFirst> firsts(HikariState e, HikariState l, int shift) {
        Map<String, HikariState.KeyFirst> out = new LinkedHashMap<>();
        e.firsts().forEach(f -> out.put(HikariLeaks.key(f.process(), f.connection()), f));
        for (HikariState.KeyFirst f : l.firsts()) {
            if (out.size() >= HikariLeaks.MAX_OPEN) {
                break;
            }
            int index = f.index() < 0 ? -1 : f.index() + shift;
            out.putIfAbsent(HikariLeaks.key(f.process(), f.connection()),
                    new HikariState.KeyFirst(f.process(), f.connection(), f.returned(), index));
        }
        return new ArrayList<>(out.values());
    }

    private static Map<String, List<ThreadStep>> tail(Map<String, List<ThreadStep>> e, Map<String, List<ThreadStep>> l) {
        Map<String, List<ThreadStep>> out = new HashMap<>(e);
        l.forEach((thread, steps) -> out.put(thread, ThreadRequests.join(e.get(thread), steps, ThreadRequests.TAIL)));
        // (">=" would be an equivalent mutant: at THREADS it removes the empty range past THREADS)
        if (out.size() > ThreadRequests.THREADS) {
            List<String> newest = new ArrayList<>(out.keySet());
            newest.sort(Comparator.comparingLong((String k) -> last(out.get(k))).reversed().thenComparing(k -> k));
            newest.subList(ThreadRequests.THREADS, newest.size()).forEach(out::remove);
        }
        return out;
    }

    private static long last(List<ThreadStep> steps) {
        return steps.isEmpty() ? Long.MIN_VALUE : steps.get(steps.size() - 1).time();
    }

    /** Fills the library result's leak figures from the state at the end. */
    static void finish(HikariState s, long lastTime, int maxItems, Pattern originSkip, HikariLeaks.Builder out) {
        LeakOrigins origins = LeakOrigins.of(s.origins(), originSkip);
        List<LeakItem> leaks = new ArrayList<>();
        Map<String, Long> byOrigin = new HashMap<>();
        Set<String> requests = new HashSet<>();
        long anonymous = 0;
        for (LeakWarning o : s.open()) {
            String origin = origins.origin(o.frames());
            byOrigin.merge(origin == null ? "(no application frame)" : origin, 1L, Long::sum);
            if (o.requestId() == null) {
                anonymous++;
            } else {
                requests.add(o.process() + "\u0000" + o.requestId());
            }
            long at = o.borrowedAt();
            leaks.add(new LeakItem(o.process(), o.requestId(), o.connection(), o.endpoint(), at,
                    at == PoolEvent.NO_TIME || lastTime == PoolEvent.NO_TIME ? LeakItem.UNKNOWN_AGE : lastTime - at,
                    true, o.source(), o.line(), o.thread(), origin));
        }
        leaks.sort(Comparator.comparingLong(LeakItem::acquiredAt).thenComparing(LeakItem::source)
                .thenComparingLong(LeakItem::line));
        List<Map.Entry<String, Long>> ranked = new ArrayList<>(byOrigin.entrySet());
        ranked.sort(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        out.suspected = s.suspected();
        out.returnedLate = s.returnedLate();
        // (">=" would be an equivalent mutant: at maxItems the sublist is the whole list)
        out.trueLeaks = leaks.size() > maxItems ? leaks.subList(0, maxItems) : leaks;
        out.trueLeakCount = s.open().size() + s.overflow();
        out.trueLeakRequests = requests.size() + anonymous + s.overflow();
        out.returned = s.returned().stream().map(r -> r.toItem(origins)).toList();
        out.byOrigin = ranked;
        out.helpers = origins.helpers();
        notes(s, out.notes);
    }

    private static void notes(HikariState s, List<String> notes) {
        if (s.guessed() > 0) {
            notes.add(s.guessed() + " leak warnings with no leakDetectionThreshold in the log (no HikariCP"
                    + " configuration dump at DEBUG): borrow times assume HikariCP's minimum, "
                    + HikariLeaks.MIN_THRESHOLD_MS + " ms, so their requests may be wrong");
        }
        if (s.unattributed() > 0) {
            notes.add(s.unattributed() + " leak warnings name a borrowing thread with no request logged before the borrow:"
                    + " their request is unknown");
        }
        if (s.dropped() > 0 || s.overflow() > 0) {
            notes.add("memory bounds reached (" + s.dropped() + " thread history entries, " + s.overflow()
                    + " open warnings not kept): some leak requests may be approximate");
        }
    }
}
