package dev.poolscope.analysis;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Which request each thread was serving when, from the thread's own lines and their MDC (issue #16): a
 * HikariCP leak warning is logged on the housekeeper without MDC, naming the borrowing thread, and the
 * borrow happened {@code leakDetectionThreshold} earlier. Memory is bounded: per thread only the moments
 * its request changed, no older than the look-back horizon (the newest older one is kept), at most
 * {@link #PER_THREAD}; at most {@link #THREADS} threads.
 */
final class ThreadRequests {
    static final int PER_THREAD = 1024;
    static final int THREADS = 10_000;

    /** Steps per thread a summary carries to the next (docs/summaries.md). */
    static final int TAIL = 8;

    private final Map<String, ArrayDeque<ThreadStep>> threads = new HashMap<>();
    private long dropped;

    /** A line of {@code thread} (keyed with its process) carrying request {@code requestId}. */
    void saw(String key, long time, String requestId, String endpoint, long horizonMicros) {
        ArrayDeque<ThreadStep> list = threads.get(key);
        if (list == null) {
            if (threads.size() >= THREADS) {
                dropped++;
                return;
            }
            list = new ArrayDeque<>();
            threads.put(key, list);
        }
        ThreadStep last = list.peekLast();
        if (last != null && last.requestId().equals(requestId)) {
            if (last.endpoint() == null && endpoint != null) {
                list.pollLast();
                list.addLast(new ThreadStep(last.time(), requestId, endpoint));
            }
            return;
        }
        list.addLast(new ThreadStep(time, requestId, endpoint));
        prune(list, time - horizonMicros);
    }

    /** Drops entries that can no longer be the newest at or before any time from {@code oldest} on. */
    private void prune(ArrayDeque<ThreadStep> list, long oldest) {
        while (list.size() > PER_THREAD) {
            list.pollFirst();
            dropped++;
        }
        while (list.size() > 1) {
            Iterator<ThreadStep> it = list.iterator();
            it.next();
            if (it.next().time() <= oldest) {
                list.pollFirst();
            } else {
                return;
            }
        }
    }

    /** The request the thread was serving at {@code time}: its newest change at or before it; null when unknown. */
    ThreadStep at(String key, long time) {
        ArrayDeque<ThreadStep> list = threads.get(key);
        return list == null ? null : at(list, time);
    }

    static ThreadStep at(Iterable<ThreadStep> list, long time) {
        ThreadStep best = null;
        for (ThreadStep s : list) {   // lines of one thread may be a few ms out of order: compare times, not places
            if (s.time() <= time && (best == null || s.time() >= best.time())) {
                best = s;
            }
        }
        return best;
    }

    /** The thread's last {@code n} changes at or before {@code time}, oldest first. */
    List<ThreadStep> recent(String key, long time, int n) {
        ArrayDeque<ThreadStep> list = threads.get(key);
        if (list == null) {
            return List.of();
        }
        List<ThreadStep> out = new ArrayList<>();
        list.forEach(s -> {
            if (s.time() <= time) {
                out.add(s);
            }
        });
        // (">=" would be an equivalent mutant: at n the sublist is the whole list)
        return out.size() > n ? out.subList(out.size() - n, out.size()) : out;
    }

    /** Every thread's last {@link #TAIL} changes: what a later summary's warnings may need. */
    Map<String, List<ThreadStep>> tail() {
        Map<String, List<ThreadStep>> out = new HashMap<>();
        threads.forEach((k, list) -> {
            List<ThreadStep> steps = new ArrayList<>(list);
            // (">=" would be an equivalent mutant: at TAIL the sublist is the whole list)
            out.put(k, List.copyOf(steps.size() > TAIL ? steps.subList(steps.size() - TAIL, steps.size()) : steps));
        });
        return out;
    }

    /**
     * {@code later} appended to {@code earlier} as one thread's lines would have added them: a step for the
     * request already being served adds nothing but a missing endpoint. Keeps the newest {@code max}.
     */
    static List<ThreadStep> join(List<ThreadStep> earlier, List<ThreadStep> later, int max) {
        List<ThreadStep> out = new ArrayList<>(earlier == null ? List.of() : earlier);
        for (ThreadStep s : later) {
            ThreadStep last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && last.requestId().equals(s.requestId())) {
                if (last.endpoint() == null && s.endpoint() != null) {
                    out.set(out.size() - 1, new ThreadStep(last.time(), last.requestId(), s.endpoint()));
                }
            } else {
                out.add(s);
            }
        }
        // (">=" would be an equivalent mutant: at max the sublist is the whole list)
        return List.copyOf(out.size() > max ? out.subList(out.size() - max, out.size()) : out);
    }

    /** Entries or threads not kept because a bound was reached (attribution may then be approximate). */
    long dropped() {
        return dropped;
    }
}
