package dev.poolscope.findings;

import dev.poolscope.analysis.Diagnosis;
import dev.poolscope.analysis.ExhaustionResult;
import dev.poolscope.analysis.LongHold;
import dev.poolscope.analysis.Percentiles;
import dev.poolscope.analysis.TimeoutEvent;
import dev.poolscope.analysis.Window;
import dev.poolscope.event.PoolEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * pool-exhausted-by-leaks against pool-exhausted-by-load: the pool refused checkouts. Which one is decided
 * by what held the connections when it ran dry ({@link ExhaustionResult}): mostly connections of requests
 * that had already ended (never coming back) is a leak; otherwise they were busy, which is load.
 */
final class PoolExhaustion implements Rule {
    static final String BY_LEAKS = "pool-exhausted-by-leaks";
    static final String BY_LOAD = "pool-exhausted-by-load";

    @Override
    public String settingsId() {
        return "pool-exhausted";
    }

    @Override
    public Map<String, Double> defaults() {
        return Map.of("min-failures", 1.0, "leak-share", 0.5);
    }

    @Override
    public List<Finding> apply(Diagnosis d, FindingSettings s) {
        // An exhaustion error usually quotes a failed checkout (a 503 saying so): not counted twice.
        long failures = d.counts().getconnFailed() > 0 ? d.counts().getconnFailed() : d.counts().exhaustionErrors();
        if (failures == 0 || failures < s.count(this, "min-failures")) {
            return List.of();
        }
        ExhaustionResult x = d.evidence().exhaustion();
        double share = x.neverReturnedShare();
        int size = Math.max(d.pool().poolMax(), d.pool().peakUsed());
        if (share < 0) {   // no checkout was open at any failure the probe looked at: judge by the leak count
            share = size > 0 ? Math.min(1, (double) d.checkouts().leakedCheckouts() / size) : 0;
        }
        boolean leaks = share >= s.get(this, "leak-share");
        FigureList f = new FigureList()
                .count("getconn_failed", "failed getconns", d.counts().getconnFailed())
                .count("exhaustion_errors", "exhaustion errors", d.counts().exhaustionErrors())
                .known("peak_used", "peak pool used", d.pool().peakUsed())
                .known("pool_max", "pool size", d.pool().poolMax())
                .time("first_failure", "ran dry at", x.firstAt())
                .count("held_at_first_failure", "connections out then", x.firstHeld())
                .count("never_returned_at_first_failure", "of them never returned", x.firstNeverReturned())
                .share("never_returned_share", "never-returned share over " + x.looks() + (x.looks() == 1 ? " look" : " looks"),
                        x.neverReturnedShare())
                .count("leaked_checkouts", "leaked checkouts", d.checkouts().leakedCheckouts());
        Percentiles p = d.checkouts().holdTimes().percentiles();
        if (!leaks) {
            f.count("statement_timeouts", "statement timeouts", d.timeouts().events())
                    .count("long_holds", "holds over the leak threshold", d.checkouts().longHoldCount())
                    .millis("hold_p95_ms", "p95 hold (ms)", p.count() == 0 ? Double.NaN : p.p95());
        }
        long first = x.firstAt() != PoolEvent.NO_TIME ? x.firstAt() : firstWindow(d);
        long last = d.pool().windows().stream().mapToLong(Window::end).max().orElse(PoolEvent.NO_TIME);
        String id = leaks ? BY_LEAKS : BY_LOAD;
        return List.of(new Finding(id, Severity.CRITICAL, title(d, x, failures, leaks), f.list(), first, last,
                endpoints(d, leaks), leaks ? leakExamples(d, first, s.examples()) : loadExamples(d, s.examples()),
                leaks ? "The pool ran dry because connections were never given back, not because of traffic. Fix the"
                        + " leak (see route-leaks-connections); raising maxconn only delays the next outage."
                        : "The pool ran dry while its connections were busy: long holds, slow queries or statement"
                        + " timeouts. Shorten the holds (index or cache the slow query, set statement_timeout per"
                        + " endpoint), then size the pool and the database's max_connections for the peak.",
                Finding.docOf(id)));
    }

    private static String title(Diagnosis d, ExhaustionResult x, long failures, boolean leaks) {
        String held = x.looks() == 0 ? "" : String.format(java.util.Locale.ROOT, "; %d of %d connections out were %s",
                leaks ? x.firstNeverReturned() : x.firstHeld() - x.firstNeverReturned(), x.firstHeld(),
                leaks ? "never returned" : "held by running requests");
        return String.format(java.util.Locale.ROOT, "Pool exhausted (%d refused checkout%s) by %s%s", failures,
                failures == 1 ? "" : "s", leaks ? "leaked connections" : "load", held);
    }

    private static long firstWindow(Diagnosis d) {
        return d.pool().windows().isEmpty() ? PoolEvent.NO_TIME : d.pool().windows().get(0).start();
    }

    private static List<String> endpoints(Diagnosis d, boolean leaks) {
        if (leaks) {
            return d.endpoints().stream().filter(e -> e.leakedCheckouts() > 0).limit(10).map(e -> e.endpoint()).toList();
        }
        return Rows.worstFirst(d.timeouts().byEndpoint()).stream().limit(10).toList();
    }

    /** Leaks taken before the pool ran dry: the connections it was missing. */
    private static List<Example> leakExamples(Diagnosis d, long before, int n) {
        return d.checkouts().leaks().stream()
                .filter(l -> before == PoolEvent.NO_TIME || l.acquiredAt() <= before)
                .limit(n).map(Rows::example).toList();
    }

    /** The longest holds, then statement timeouts. */
    private static List<Example> loadExamples(Diagnosis d, int n) {
        List<Example> out = new ArrayList<>();
        d.checkouts().longHolds().stream().sorted((a, b) -> Long.compare(b.heldMicros(), a.heldMicros())).limit(n)
                .forEach(h -> out.add(hold(h)));
        for (TimeoutEvent t : d.timeouts().items()) {
            if (out.size() >= n) {
                break;
            }
            out.add(new Example(t.time(), t.source(), t.line(), t.requestId(), t.endpoint(), "statement timeout"));
        }
        return out;
    }

    private static Example hold(LongHold h) {
        return new Example(h.acquiredAt(), null, 0, h.requestId(), h.endpoint(),
                String.format(java.util.Locale.ROOT, "held %.1f s", h.heldMicros() / 1e6));
    }

}
