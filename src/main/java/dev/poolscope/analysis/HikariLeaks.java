package dev.poolscope.analysis;

import dev.poolscope.event.PoolEvent;
import dev.poolscope.event.PoolNote;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * HikariCP's leak detection as a state machine (issue #16): a warning opens a suspected leak of a connection,
 * "unleaked" for that connection closes it as returned late, and what is still open at the end is a true
 * leak (HikariCP logs nothing when it aborts a leaked connection at shutdown). Each leak is given the request
 * its borrowing thread was serving {@code leakDetectionThreshold} before the warning. Its {@link #state} is what
 * a summary carries; {@link HikariMerge} continues it with a later one and finishes it.
 */
final class HikariLeaks {
    /** Open warnings kept; beyond this a hostile log's warnings are only counted. */
    static final int MAX_OPEN = 100_000;
    /** HikariCP's smallest leakDetectionThreshold; assumed when the log has no configuration dump. */
    static final long MIN_THRESHOLD_MS = 2000;
    /** A pending warning keeps its thread's last request changes, at most this many (docs/summaries.md). */
    static final int HISTORY = 32;

    private final int maxItems;
    /** Summaries record what a merge needs: histories of pending warnings and each connection's first event. */
    private final boolean summary;
    private final ThreadRequests threads = new ThreadRequests();
    private final LeakOrigins origins;
    private final Map<String, LeakWarning> open = new LinkedHashMap<>();
    private final List<LeakReturn> returned = new ArrayList<>();
    private final Map<String, HikariState.KeyFirst> firsts = new LinkedHashMap<>();
    private long thresholdMs = -1;
    private long suspected;
    private long returnedLate;
    private long overflow;
    private long guessedThreshold;
    private long unattributed;

    HikariLeaks(int maxItems, Pattern originSkip, boolean summary) {
        this.maxItems = maxItems;
        this.origins = new LeakOrigins(originSkip);
        this.summary = summary;
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
        // (">= 0" would be an equivalent mutant: the threshold is -1 or, from threshold(), positive; never 0)
        guessedThreshold += thresholdMs > 0 ? 0 : 1;
        String thread = key(e.process(), n.subject());
        LeakWarning w = new LeakWarning(e.process(), n.connection(), n.subject(), e.time(), thresholdMs, null, null,
                n.frames(), e.source(), e.line(), List.of());
        ThreadStep s = e.hasTime() ? threads.at(thread, w.borrowedAt()) : null;
        unattributed += s == null ? 1 : 0;
        w = w.attributed(thresholdMs, s, summary && e.hasTime() ? threads.recent(thread, e.time(), HISTORY) : List.of());
        String k = key(e.process(), n.connection());
        first(k, new HikariState.KeyFirst(e.process(), n.connection(), false, -1));
        if (open.size() >= MAX_OPEN && !open.containsKey(k)) {
            overflow++;
            return;
        }
        open.put(k, w);
    }

    /** "unleaked": logged on the returning thread, with that request's own MDC. */
    void returned(PoolEvent e, PoolNote n) {
        returnedLate++;
        String k = key(e.process(), n.connection());
        LeakWarning w = open.remove(k);
        boolean listed = returned.size() < maxItems;
        first(k, new HikariState.KeyFirst(e.process(), n.connection(), true, listed ? returned.size() : -1));
        if (listed) {
            returned.add(new LeakReturn(e.process(), n.connection(), n.subject(), e.time(), e.requestId(),
                    e.endpoint(), e.source(), e.line(), w));
        }
    }

    private void first(String k, HikariState.KeyFirst f) {
        if (summary && (firsts.size() < MAX_OPEN || firsts.containsKey(k))) {
            firsts.putIfAbsent(k, f);
        }
    }

    HikariState state() {
        return new HikariState(thresholdMs, suspected, returnedLate, overflow, guessedThreshold, unattributed,
                threads.dropped(), new ArrayList<>(open.values()), returned, new ArrayList<>(firsts.values()),
                summary ? threads.tail() : Map.of(), origins.state());
    }

    static String key(String process, String name) {
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
