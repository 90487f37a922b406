package dev.poolscope.analysis;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Where leaks were borrowed: the first application frame of the borrow's stack trace that is not a helper
 * every borrow passes through (issue #16). Helpers are found from all borrow traces the log holds (leak
 * warnings, returned or not, and connection-timeout traces): the longest run of top frames they all share,
 * compared by method. When every trace is the same there is no telling a helper from the origin, so nothing
 * is skipped: one place of borrowing must not have its origin skipped as "common to all".
 * {@code --origin-skip} drops more frames first.
 */
final class LeakOrigins {
    /** Traces compared; more add no new helper. */
    static final int MAX_TRACES = 10_000;

    private final Pattern skip;
    private List<String> common;   // methods, top first
    private boolean diverged;
    private int traces;

    LeakOrigins(Pattern skip) {
        this.skip = skip;
    }

    /** One borrow's application frames, top first. */
    void borrow(List<String> frames) {
        List<String> methods = frames.stream().filter(this::kept).map(LeakOrigins::method).toList();
        if (methods.isEmpty() || traces >= MAX_TRACES) {
            return;
        }
        traces++;
        if (common == null) {
            common = methods;
            return;
        }
        int n = 0;
        while (n < common.size() && n < methods.size() && common.get(n).equals(methods.get(n))) {
            n++;
        }
        if (n < common.size() || n < methods.size()) {
            diverged = true;
        }
        common = common.subList(0, n);
    }

    /** The origin frame of one leak's trace, as printed, or null when it has no application frame. */
    String origin(List<String> frames) {
        List<String> kept = frames.stream().filter(this::kept).toList();
        if (kept.isEmpty()) {
            return null;
        }
        int helpers = diverged && common != null ? common.size() : 0;
        return helpers < kept.size() ? kept.get(helpers) : kept.get(kept.size() - 1);
    }

    /** The helper frames skipped, for the report ("through Db.acquire"). */
    List<String> helpers() {
        return diverged && common != null ? common : List.of();
    }

    private boolean kept(String frame) {
        return skip == null || !skip.matcher(frame).find();
    }

    HikariState.OriginState state() {
        return new HikariState.OriginState(common, diverged, traces);
    }

    /** Origins as they stand after the traces of {@code state}. */
    static LeakOrigins of(HikariState.OriginState state, Pattern skip) {
        LeakOrigins o = new LeakOrigins(skip);
        o.common = state.common();
        o.diverged = state.diverged();
        o.traces = state.traces();
        return o;
    }

    /**
     * The traces of {@code a} followed by those of {@code b}: the shared frames are the two shares' common
     * start, and traces differed if they did in either or the two shares differ. Exact below {@link #MAX_TRACES}.
     */
    static HikariState.OriginState merge(HikariState.OriginState a, HikariState.OriginState b) {
        if (a.common() == null || a.traces() >= MAX_TRACES) {
            return a.common() == null ? b : a;
        }
        if (b.common() == null) {
            return a;
        }
        int n = 0;
        while (n < a.common().size() && n < b.common().size() && a.common().get(n).equals(b.common().get(n))) {
            n++;
        }
        boolean diverged = a.diverged() || b.diverged() || n < a.common().size() || n < b.common().size();
        return new HikariState.OriginState(a.common().subList(0, n), diverged,
                Math.min(MAX_TRACES, a.traces() + b.traces()));
    }

    /** "com.acme.Db.acquire(Db.java:25)" → "com.acme.Db.acquire": a helper is the same method whatever its line. */
    static String method(String frame) {
        int paren = frame.indexOf('(');
        return paren < 0 ? frame : frame.substring(0, paren);
    }
}
