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

    /** "com.acme.Db.acquire(Db.java:25)" → "com.acme.Db.acquire": a helper is the same method whatever its line. */
    static String method(String frame) {
        int paren = frame.indexOf('(');
        return paren < 0 ? frame : frame.substring(0, paren);
    }
}
