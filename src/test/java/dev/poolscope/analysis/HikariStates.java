package dev.poolscope.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Small HikariCP leak states built by hand for {@link HikariMergeTest} and {@link HikariFinishTest}. */
final class HikariStates {
    static final String P = "app.log";
    static final String ORDERS = "com.acme.Orders.load(Orders.java:10)";

    long threshold = -1;
    long suspected;
    long returnedLate;
    long overflow;
    long guessed;
    long unattributed;
    long dropped;
    final List<LeakWarning> open = new ArrayList<>();
    final List<LeakReturn> returned = new ArrayList<>();
    final List<HikariState.KeyFirst> firsts = new ArrayList<>();
    final Map<String, List<ThreadStep>> tail = new HashMap<>();
    HikariState.OriginState origins = HikariState.OriginState.EMPTY;

    HikariState build() {
        return new HikariState(threshold, suspected, returnedLate, overflow, guessed, unattributed, dropped, open,
                returned, firsts, tail, origins);
    }

    static long sec(long s) {
        return s * 1_000_000L;
    }

    /** A warning on {@code connection}, borrowed by {@code thread}, logged by process {@link #P} in a.log. */
    static LeakWarning warning(String connection, String thread, long warnedAt, long thresholdMs, String requestId) {
        return warning(P, connection, thread, warnedAt, thresholdMs, requestId, List.of(ORDERS), "a.log", 1, List.of());
    }

    static LeakWarning warning(String process, String connection, String thread, long warnedAt, long thresholdMs,
                               String requestId, List<String> frames, String source, long line, List<ThreadStep> history) {
        return new LeakWarning(process, connection, thread, warnedAt, thresholdMs, requestId, null, frames, source, line,
                history);
    }

    /** An "unleaked" line for {@code connection} carrying its own request, not (yet) knowing its warning. */
    static LeakReturn unleaked(String connection, long time, String requestId) {
        return new LeakReturn(P, connection, "http-2", time, requestId, null, "b.log", 7, null);
    }

    static HikariState.KeyFirst first(String connection, boolean returned, int index) {
        return new HikariState.KeyFirst(P, connection, returned, index);
    }

    static String key(String name) {
        return HikariLeaks.key(P, name);
    }
}
