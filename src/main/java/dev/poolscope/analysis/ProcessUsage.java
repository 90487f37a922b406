package dev.poolscope.analysis;

import dev.poolscope.event.EventKind;
import dev.poolscope.event.PoolEvent;
import java.util.List;

/**
 * The pool of one process as a small state machine: usage above the threshold opens a raw interval,
 * usage at or below closes it when it comes within the staleness bound ({@link #staleAfter}) of the last
 * sample above; after a longer silence the interval ends at that last sample (docs/metrics.md); a failed or near-exhaustion event outside one is a point interval.
 * Raw intervals closer than the merge gap join one pending window; a window that can no longer
 * grow is handed out.
 */
final class ProcessUsage {
    /** The staleness bound's floor: 60 s, documented in docs/metrics.md and used by the generator's truth. */
    static final long STALE_AFTER_MICROS = 60_000_000L;

    private final String process;
    private boolean reports;      // once the log states pool_used for this process, only stated values count
    private int open;             // reconstructed usage: checkouts minus checkins
    private boolean above;
    private long rawStart;
    private long lastAbove;
    private int rawPeak;
    private long rawFailed;
    private long rawNearly;
    private long closedAboveMicros;
    private Window pending;
    private Window firstDone;
    UsageSink sink = UsageSink.NONE;

    ProcessUsage(String process) {
        this.process = process;
    }

    ProcessUsage(String process, ProcessState s) {
        this.process = process;
        reports = s.reports();
        open = s.open();
        above = s.above();
        rawStart = s.rawStart();
        lastAbove = s.lastAbove();
        rawPeak = s.rawPeak();
        rawFailed = s.rawFailed();
        rawNearly = s.rawNearly();
        closedAboveMicros = s.closedAboveMicros();
        pending = s.pending();
        firstDone = s.firstDone();
    }

    ProcessState state() {
        return new ProcessState(reports, open, above, rawStart, lastAbove, rawPeak, rawFailed, rawNearly,
                closedAboveMicros, pending, firstDone);
    }

    /**
     * Takes over a later summary's machine for this process (which started fresh after a usage at or
     * below the threshold, so only the window chain differs): this pending window joins the later
     * first window when they are closer than the merge gap, as it would have in one pass.
     *
     * @param replace called with (later first window, joined window) when a handed-out window grows
     */
    void continueWith(ProcessState later, long mergeGap, List<Window> done,
                      java.util.function.BiConsumer<Window, Window> replace) {
        Window p = pending;
        Window first = firstDone;
        Window laterFirst = later.firstDone() != null ? later.firstDone() : later.pending();
        long above0 = closedAboveMicros;
        ProcessUsage next = new ProcessUsage(process, later);
        if (p != null) {
            if (laterFirst == null) {
                next.pending = p;
            } else if (laterFirst.start() - p.end() < mergeGap) {
                Window joined = p.mergedWith(laterFirst);
                if (later.firstDone() == null) {
                    next.pending = joined;
                } else {
                    replace.accept(laterFirst, joined);
                    first = first == null ? joined : first;
                }
            } else {
                done.add(p);
                first = first == null ? p : first;
            }
        }
        reports = next.reports;
        open = next.open;
        above = next.above;
        rawStart = next.rawStart;
        lastAbove = next.lastAbove;
        rawPeak = next.rawPeak;
        rawFailed = next.rawFailed;
        rawNearly = next.rawNearly;
        closedAboveMicros = above0 + next.closedAboveMicros;
        pending = next.pending;
        firstDone = first != null ? first : later.firstDone();
    }

    /** The usage this event shows, or {@link PoolEvent#NO_COUNT}. */
    int usage(PoolEvent e) {
        boolean changes = e.kind() == EventKind.CHECKOUT || e.kind() == EventKind.CHECKIN;
        if (e.kind() == EventKind.CHECKOUT) {
            open++;
        } else if (e.kind() == EventKind.CHECKIN) {
            open = Math.max(0, open - 1);
        }
        if (e.hasPoolUsed()) {
            reports = true;
            return e.poolUsed();
        }
        return !reports && changes ? open : PoolEvent.NO_COUNT;
    }

    void step(PoolEvent e, int used, int critical, long mergeGap, List<Window> done) {
        long t = e.time();
        if (above && staleAt(t, lastAbove, mergeGap)) {
            // Silent for longer than the staleness bound (a crash, a restart, a rotated-away log): what the pool
            // did since its last sample above is unknown, not critical, so the interval ends at that sample.
            closeRaw(lastAbove, mergeGap, done);
        }
        if (used != PoolEvent.NO_COUNT) {
            if (used > critical) {
                if (!above) {
                    above = true;
                    rawStart = t;
                    lastAbove = t;
                    rawPeak = used;
                    rawFailed = 0;
                    rawNearly = 0;
                }
                lastAbove = Math.max(lastAbove, t);
                rawPeak = Math.max(rawPeak, used);
            } else if (above) {
                // Threads of one process log a few milliseconds out of order: a window never ends before it starts.
                closeRaw(Math.max(t, rawStart), mergeGap, done);
            }
        }
        boolean failed = e.kind() == EventKind.CHECKOUT_FAILED;
        if (failed || e.kind() == EventKind.NEARLY_EXHAUSTED) {
            if (above) {
                rawFailed += failed ? 1 : 0;
                rawNearly += failed ? 0 : 1;
            } else {
                offer(new Window(process, t, t, used, failed ? 1 : 0, failed ? 0 : 1, 1, false), mergeGap, done);
            }
        }
    }

    private void closeRaw(long end, long mergeGap, List<Window> done) {
        above = false;
        closedAboveMicros += end - rawStart;
        sink.above(rawStart, end);
        offer(new Window(process, rawStart, end, rawPeak, rawFailed, rawNearly, 1, false), mergeGap, done);
    }

    private void offer(Window raw, long mergeGap, List<Window> done) {
        if (pending != null && raw.start() - pending.end() < mergeGap) {
            pending = pending.mergedWith(raw);
            return;
        }
        if (pending != null) {
            done.add(pending);
            firstDone = firstDone == null ? pending : firstDone;
        }
        pending = raw;
    }

    /**
     * Adds the windows still forming when the input ends at {@code lastTime}; leaves the state as it was.
     * An interval still open ends at its last sample above; it is ongoing at the end only when its process
     * was not silent for longer than the staleness bound before the input's last timestamp.
     */
    void flush(long lastTime, long mergeGap, List<Window> out) {
        Window last = pending;
        if (above) {
            Window raw = new Window(process, rawStart, lastAbove, rawPeak, rawFailed, rawNearly, 1,
                    !staleAt(lastTime, lastAbove, mergeGap));
            if (last != null && raw.start() - last.end() < mergeGap) {
                last = last.mergedWith(raw);
            } else {
                if (last != null) {
                    out.add(last);
                }
                last = raw;
            }
        }
        if (last != null) {
            out.add(last);
        }
    }

    long aboveMicros() {
        return closedAboveMicros + (above ? lastAbove - rawStart : 0);
    }

    /** Whether an interval last seen above at {@code lastAbove} is past its staleness bound at {@code time}. */
    static boolean staleAt(long time, long lastAbove, long mergeGap) {
        return time != PoolEvent.NO_TIME && time - lastAbove > staleAfter(mergeGap);
    }

    /**
     * How long a process may stay silent above the threshold and still be taken as above: the merge gap,
     * but at least {@link #STALE_AFTER_MICROS}, so that a silence the merge would bridge anyway never splits
     * a window and {@code --merge-gap 0} keeps its meaning.
     */
    static long staleAfter(long mergeGap) {
        return Math.max(mergeGap, STALE_AFTER_MICROS);
    }
}
