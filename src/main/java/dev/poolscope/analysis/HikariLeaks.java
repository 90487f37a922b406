package dev.poolscope.analysis;

import dev.poolscope.event.PoolEvent;
import dev.poolscope.event.PoolNote;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * HikariCP's leak detection as a state machine (issue #16): a warning opens a suspected leak of a connection,
 * "unleaked" for that connection closes it as returned late, and what is still open at the end is a true
 * leak (HikariCP logs nothing when it aborts a leaked connection at shutdown). Each leak is given the request
 * its borrowing thread was serving {@code leakDetectionThreshold} before the warning.
 */
final class HikariLeaks {
    /** Open warnings kept; beyond this a hostile log's warnings are only counted. */
    static final int MAX_OPEN = 100_000;
    /** HikariCP's smallest leakDetectionThreshold; assumed when the log has no configuration dump. */
    static final long MIN_THRESHOLD_MS = 2000;

    private record Open(String process, String connection, String thread, long warnedAt, long borrowedAt,
                        String requestId, String endpoint, List<String> frames, String source, long line) {}

    private final int maxItems;
    private final ThreadRequests threads = new ThreadRequests();
    private final LeakOrigins origins;
    private final Map<String, Open> open = new LinkedHashMap<>();
    private final List<LeakItem> returned = new ArrayList<>();
    private long thresholdMs = -1;
    private long suspected;
    private long returnedLate;
    private long overflow;
    private long guessedThreshold;
    private long unattributed;

    HikariLeaks(int maxItems, Pattern originSkip) {
        this.maxItems = maxItems;
        this.origins = new LeakOrigins(originSkip);
    }

    /** From the configuration dump. */
    void threshold(long ms) {
        if (ms > 0) {
            thresholdMs = ms;
        }
    }

    /** Every line with a thread and a request id tells which request that thread serves. */
    void line(PoolEvent e, PoolNote n) {
        if (n.thread() != null && e.requestId() != null && e.hasTime()) {
            long horizon = (Math.max(thresholdMs, 5 * 60_000L) + 60_000L) * 1000;
            threads.saw(key(e.process(), n.thread()), e.time(), e.requestId(), e.endpoint(), horizon);
        }
    }

    /** A trace of a borrow that failed or leaked: evidence of which top frames are helpers. */
    void borrowTrace(List<String> frames) {
        origins.borrow(frames);
    }

    void suspected(PoolEvent e, PoolNote n) {
        suspected++;
        origins.borrow(n.frames());
        long ms = thresholdMs > 0 ? thresholdMs : MIN_THRESHOLD_MS;
        guessedThreshold += thresholdMs > 0 ? 0 : 1;
        long borrowedAt = e.hasTime() ? e.time() - ms * 1000 : PoolEvent.NO_TIME;
        ThreadRequests.Serving s = e.hasTime() ? threads.at(key(e.process(), n.subject()), borrowedAt) : null;
        unattributed += s == null ? 1 : 0;
        String k = key(e.process(), n.connection());
        if (open.size() >= MAX_OPEN && !open.containsKey(k)) {
            overflow++;
            return;
        }
        open.put(k, new Open(e.process(), n.connection(), n.subject(), e.time(), borrowedAt,
                s == null ? null : s.requestId(), s == null ? null : s.endpoint(), n.frames(), e.source(), e.line()));
    }

    /** "unleaked": logged on the returning thread, with that request's own MDC. */
    void returned(PoolEvent e, PoolNote n) {
        returnedLate++;
        Open o = open.remove(key(e.process(), n.connection()));
        if (returned.size() < maxItems) {
            long borrowedAt = o == null ? PoolEvent.NO_TIME : o.borrowedAt();
            String origin = o == null ? null : origins.origin(o.frames());
            returned.add(new LeakItem(e.process(), e.requestId() != null ? e.requestId() : o == null ? null
                    : o.requestId(), n.connection(), e.endpoint() != null ? e.endpoint() : o == null ? null
                    : o.endpoint(), borrowedAt, e.hasTime() && borrowedAt != PoolEvent.NO_TIME
                    ? e.time() - borrowedAt : LeakItem.UNKNOWN_AGE, false, e.source(), e.line(), n.subject(), origin));
        }
    }

    /** Fills the library result's leak figures. */
    void finish(long lastTime, Builder out) {
        List<LeakItem> leaks = new ArrayList<>();
        Map<String, Long> byOrigin = new HashMap<>();
        java.util.Set<String> requests = new java.util.HashSet<>();
        long anonymous = 0;
        for (Open o : open.values()) {
            String origin = origins.origin(o.frames());
            byOrigin.merge(origin == null ? "(no application frame)" : origin, 1L, Long::sum);
            if (o.requestId() == null) {
                anonymous++;
            } else {
                requests.add(o.process() + "\u0000" + o.requestId());
            }
            leaks.add(new LeakItem(o.process(), o.requestId(), o.connection(), o.endpoint(), o.borrowedAt(),
                    o.borrowedAt() == PoolEvent.NO_TIME || lastTime == PoolEvent.NO_TIME ? LeakItem.UNKNOWN_AGE
                            : lastTime - o.borrowedAt(), true, o.source(), o.line(), o.thread(), origin));
        }
        leaks.sort(Comparator.comparingLong(LeakItem::acquiredAt).thenComparing(LeakItem::source)
                .thenComparingLong(LeakItem::line));
        List<Map.Entry<String, Long>> ranked = new ArrayList<>(byOrigin.entrySet());
        ranked.sort(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        out.suspected = suspected;
        out.returnedLate = returnedLate;
        out.trueLeaks = leaks.size() > maxItems ? leaks.subList(0, maxItems) : leaks;
        out.trueLeakCount = open.size() + overflow;
        out.trueLeakRequests = requests.size() + anonymous + overflow;
        out.returned = returned;
        out.byOrigin = ranked;
        out.helpers = origins.helpers();
        notes(out.notes);
    }

    private void notes(List<String> notes) {
        if (guessedThreshold > 0) {
            notes.add(guessedThreshold + " leak warnings with no leakDetectionThreshold in the log (no HikariCP"
                    + " configuration dump at DEBUG): borrow times assume HikariCP's minimum, " + MIN_THRESHOLD_MS
                    + " ms, so their requests may be wrong");
        }
        if (unattributed > 0) {
            notes.add(unattributed + " leak warnings name a borrowing thread with no request logged before the borrow:"
                    + " their request is unknown");
        }
        if (threads.dropped() > 0 || overflow > 0) {
            notes.add("memory bounds reached (" + threads.dropped() + " thread history entries, " + overflow
                    + " open warnings not kept): some leak requests may be approximate");
        }
    }

    private static String key(String process, String name) {
        return process + "\u0000" + name;
    }

    /** The mutable parts of a {@link LibraryResult} while it is being put together. */
    static final class Builder {
        long suspected;
        long returnedLate;
        List<LeakItem> trueLeaks = List.of();
        long trueLeakCount;
        long trueLeakRequests;
        List<LeakItem> returned = List.of();
        List<Map.Entry<String, Long>> byOrigin = List.of();
        List<String> helpers = List.of();
        final List<String> notes = new ArrayList<>();
    }
}
