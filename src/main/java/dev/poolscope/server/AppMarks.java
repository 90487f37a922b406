package dev.poolscope.server;

import dev.poolscope.event.EventKind;
import dev.poolscope.event.PoolEvent;
import java.util.Arrays;
import java.util.List;

/**
 * Collects the times of the app's failed getconns and statement timeouts while its log is read, for the
 * join with the server's log. Only runs when both logs are given. At most {@link #MAX} times of each are
 * kept; the counts stay exact and the join says when it matched a sample.
 */
public final class AppMarks {
    static final int MAX = 100_000;
    private long[] failed = new long[64];
    private long[] timeouts = new long[64];
    private int failedKept;
    private int timeoutsKept;
    private long failedTotal;
    private long timeoutTotal;

    public void accept(PoolEvent e) {
        if (e.kind() == EventKind.CHECKOUT_FAILED) {
            failedTotal++;
            if (e.hasTime() && failedKept < MAX) {
                failed = grow(failed, failedKept);
                failed[failedKept++] = e.time();
            }
        }
        if (e.statementTimeout()) {
            timeoutTotal++;
            if (e.hasTime() && timeoutsKept < MAX) {
                timeouts = grow(timeouts, timeoutsKept);
                timeouts[timeoutsKept++] = e.time();
            }
        }
    }

    private static long[] grow(long[] a, int used) {
        return used < a.length ? a : Arrays.copyOf(a, a.length * 2);
    }

    /** With the leaks the analysis found. */
    public AppSide finish(List<AppLeak> leaks, long leakTotal) {
        long[] f = Arrays.copyOf(failed, failedKept);
        long[] t = Arrays.copyOf(timeouts, timeoutsKept);
        Arrays.sort(f);
        Arrays.sort(t);
        return new AppSide(leaks, leakTotal, f, failedTotal, t, timeoutTotal);
    }
}
