package dev.poolscope.report.text;

import dev.poolscope.findings.Finding;

import dev.poolscope.analysis.Diagnosis;
import dev.poolscope.analysis.EndpointRow;
import dev.poolscope.analysis.Health;
import dev.poolscope.analysis.HealthCheck;
import dev.poolscope.analysis.LeakedRequest;
import dev.poolscope.analysis.Level;
import dev.poolscope.analysis.Window;
import dev.poolscope.event.PoolEvent;
import dev.poolscope.report.Ranking;
import dev.poolscope.report.Redactor;
import dev.poolscope.report.Terminal;
import dev.poolscope.report.Units;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/**
 * The human summary: headline first, then the health table, leaks, endpoints, windows and timeouts.
 * Fits 80 columns; every string from the log goes through {@link Terminal#clean}.
 */
public final class TextReport {
    /** Rows per table: the JSON report lists everything, this one is read at 3 a.m. */
    static final int ROWS = 10;
    /** Every line fits a terminal this wide. */
    static final int WIDTH = 80;

    /** Mirrors the analysis's open-checkout limit for the note on leaks counted early (docs/robustness.md). */
    private final PrintWriter out;
    private final boolean color;
    private final Redactor redactor;
    /** Null: no findings block (callers that did not evaluate the rules). */
    private List<Finding> findings;

    public TextReport(PrintWriter out, boolean color) {
        this(out, color, Redactor.none());
    }

    /** A report that masks secrets in every log string it prints ({@code --redact}). */
    public TextReport(PrintWriter out, boolean color, Redactor redactor) {
        this.out = out;
        this.color = color;
        this.redactor = redactor;
    }

    /** Prints these findings right under the headline (docs/findings.md). */
    public TextReport withFindings(List<Finding> findings) {
        this.findings = List.copyOf(findings);
        return this;
    }

    public void write(Diagnosis d) {
        InputNotesText.incomplete(out, d);
        headline(d);
        if (findings != null) {
            new FindingsText(out, redactor, color, sameDay(d.counts().firstTime(), d.counts().lastTime()))
                    .write(findings);
        }
        health(d.health());
        leaks(d);
        DialectText.write(out, d, redactor);
        endpoints(d.endpoints());
        windows(d);
        timeouts(d);
        new ServerText(out, redactor).write(d);
        input(d);
        out.flush();
    }

    private void headline(Diagnosis d) {
        var c = d.counts();
        String leak = d.checkoutsLogged() ? String.format(Locale.ROOT, "getconn: %d, putconn: %d, LEAK: %d",
                c.getconn(), c.putconn(), d.leakDelta()) : "getconn: n/a, putconn: n/a, LEAK: n/a";
        out.printf(Locale.ROOT, "%s   verdict: %s%n", bold(leak), level(d.health().verdict()));
        out.printf(Locale.ROOT, "failed getconn: %d, nearly exhausted: %d, exhaustion errors: %d%n",
                c.getconnFailed(), c.nearlyExhausted(), c.exhaustionErrors());
        out.printf(Locale.ROOT, "statement timeouts: %d%n", d.timeouts().events());
    }

    private void health(Health h) {
        out.println();
        out.println(bold("Health"));
        out.printf(Locale.ROOT, "  %-26s %8s %8s %9s  %s%n", "metric", "value", "normal", "critical", "level");
        for (HealthCheck c : h.checks()) {
            out.printf(Locale.ROOT, "  %-26s %8d %8s %9s  %s%n", label(c.metric()), c.value(),
                    "<= " + c.threshold().normalMax(), "> " + c.threshold().criticalAbove(), level(c.level()));
        }
    }

    private static String label(String metric) {
        return switch (metric) {
            case Health.POOL_USED -> "pool used (peak)";
            case Health.LEAK_DELTA -> "getconn - putconn";
            case Health.REQUESTS_WITHOUT_CLOSE -> "requests without close";
            default -> metric;
        };
    }

    private void leaks(Diagnosis d) {
        var c = d.checkouts();
        out.println();
        out.printf(Locale.ROOT, "%s: %d checkouts never returned, in %d requests%n",
                bold("Leaks"), c.leakedCheckouts(), c.requestsWithoutClose());
        if (c.settledByLimit() > 0) {
            out.printf(Locale.ROOT, "  %d of them counted early: more checkouts were open at once than the heap"
                    + " holds (the oldest half each time; POOLSCOPE_HEAP raises the limit)%n", c.settledByLimit());
        }
        out.printf(Locale.ROOT, "  in flight at end: %d, orphan putconn: %d%n", c.inFlightCount(), c.orphanPutconn());
        if (c.leaks().isEmpty()) {
            return;
        }
        boolean oneDay = sameDay(d.counts().firstTime(), d.counts().lastTime());
        out.printf(Locale.ROOT, "  %-14s %7s %6s  %s%n", "acquired (UTC)", "age", "conns", "endpoint / request");
        // One entry per request: a request that leaked three connections is one bug, not three.
        List<LeakedRequest> requests = LeakedRequest.group(c.leaks());
        for (LeakedRequest r : requests.subList(0, Math.min(ROWS, requests.size()))) {
            String who = r.requestId() != null ? "request " + r.requestId() : "conn " + r.connId() + " (no request id)";
            out.printf(Locale.ROOT, "  %-14s %7s %6d  %s%n", clock(r.firstAcquiredAt(), oneDay),
                    age(r.firstAcquiredAt(), d.counts().lastTime()), r.connections(), log(r.endpoint(), 47));
            out.printf(Locale.ROOT, "  %31s%s%n", "", log(who, 47));
        }
        more(requests.size() - Math.min(ROWS, requests.size()), "requests");
    }

    private void endpoints(List<EndpointRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        out.println();
        out.println(bold("Endpoints"));
        out.printf(Locale.ROOT, "  %-36s %9s %7s %8s %10s%n", "endpoint", "checkouts", "leaked", "timeouts", "p95 hold");
        List<EndpointRow> top = rows.subList(0, Math.min(ROWS, rows.size()));
        for (EndpointRow r : top) {
            out.printf(Locale.ROOT, "  %-36s %9d %7d %8d %10s%n", log(r.endpoint(), 36), r.checkouts(),
                    r.leakedCheckouts(), r.statementTimeouts(),
                    r.holdTimes().count() == 0 ? "-" : duration(Math.round(r.holdTimes().p95() * 1000)));
        }
        more(rows.size() - top.size());
    }

    private void windows(Diagnosis d) {
        var p = d.pool();
        out.println();
        out.printf(Locale.ROOT, "%s: %d (pool used above %d for %s in all)%n",
                bold("Near-exhaustion windows"), p.windowCount(), d.options().thresholds().poolUsed().criticalAbove(),
                duration(p.microsAboveCritical()));
        if (p.peakUsed() >= 0) {
            String where = p.peakProcess() == null || p.peakProcess().isEmpty() ? ""
                    : " in process " + log(p.peakProcess(), 20);
            out.printf(Locale.ROOT, "  peak used %d at %s%s%n", p.peakUsed(), shortTime(p.peakAt()), where);
        }
        if (p.windows().isEmpty()) {
            return;
        }
        out.printf(Locale.ROOT, "  %-23s %9s %5s %7s %9s  %s%n", "start (UTC)", "duration", "peak", "failed",
                "warnings", "process");
        List<Window> top = p.windows().subList(0, Math.min(ROWS, p.windows().size()));
        for (Window w : top) {
            out.printf(Locale.ROOT, "  %-23s %9s %5s %7d %9d  %s%n", shortTime(w.start()),
                    duration(w.durationMicros()) + (w.ongoingAtEnd() ? "+" : ""),
                    w.peakUsed() < 0 ? "-" : Integer.toString(w.peakUsed()), w.getconnFailed(), w.nearlyExhausted(),
                    log(w.process(), 12));
        }
        more(p.windowCount() - top.size());
    }

    private void timeouts(Diagnosis d) {
        var t = d.timeouts();
        out.println();
        out.printf(Locale.ROOT, "%s: %d events in %d requests%n", bold("Statement timeouts"), t.events(),
                t.requestCount());
        if (t.requestsByLimit() > 0) {
            out.printf(Locale.ROOT, "  %d of those requests counted past the memory limit: each timeout of a"
                    + " request not remembered counts as one (an upper bound)%n", t.requestsByLimit());
        }
        out.printf(Locale.ROOT, "  %d of those requests left a connection open%n", d.timeoutRequestsLeftOpen());
        Ranking.byCount(t.byEndpoint()).stream().limit(ROWS).forEach(e ->
                out.printf(Locale.ROOT, "  %-52s %6d%n", log(e.getKey(), 52), e.getValue()));
    }

    private void input(Diagnosis d) {
        var in = d.input();
        out.println();
        out.printf(Locale.ROOT, "Input: %d lines, %d events, %d malformed%n", in.lines(), d.counts().events(),
                in.malformedLines());
        out.printf(Locale.ROOT, "  from %s to %s%n", shortTime(d.counts().firstTime()), shortTime(d.counts().lastTime()));
        in.malformedSamples().stream().limit(3).forEach(m -> {
            String where = String.format(Locale.ROOT, "  malformed %s:%d: ", fit(m.source(), 30), m.line());
            out.println(where + fit(m.reason(), Math.max(10, WIDTH - where.length())));
        });
        InputNotesText.write(out, d);
    }

    private void more(long hidden) {
        more(hidden, "");
    }

    private void more(long hidden, String what) {
        if (hidden > 0) {
            out.printf(Locale.ROOT, "  … and %d more%s (--format json lists up to --max-items)%n", hidden,
                    what.isEmpty() ? "" : " " + what);
        }
    }

    public static String shortTime(long micros) {
        String iso = Units.time(micros);
        if (iso == null) {
            return "-";
        }
        String t = iso.replace('T', ' ').replace("Z", "");
        return t.length() > 23 ? t.substring(0, 23) : t;
    }

    /** Time of day when the log spans one UTC day (the date is in the input line), else date and time. */
    static String clock(long micros, boolean oneDay) {
        String t = shortTime(micros);
        return t.length() < 23 ? t : oneDay ? t.substring(11) : t.substring(5, 19);
    }

    private static boolean sameDay(long a, long b) {
        return a != PoolEvent.NO_TIME && Math.floorDiv(a, 86_400_000_000L) == Math.floorDiv(b, 86_400_000_000L);
    }

    private static String age(long from, long to) {
        return from == PoolEvent.NO_TIME || to == PoolEvent.NO_TIME ? "-" : duration(to - from);
    }

    public static String duration(long micros) {
        double s = micros / 1e6;
        if (s < 1) {
            return String.format(Locale.ROOT, "%.1fms", micros / 1e3);
        } else if (s < 120) {
            return String.format(Locale.ROOT, "%.1fs", s);
        } else if (s < 7200) {
            return String.format(Locale.ROOT, "%.1fm", s / 60);
        }
        return String.format(Locale.ROOT, "%.1fh", s / 3600);
    }

    /** A log string: redacted first (a cut secret could slip past the patterns), then cleaned and fitted. */
    private String log(String s, int width) {
        return fit(redactor.redact(s), width);
    }

    /** A file name keeps its end, which names the file, rather than its start. */
    static String fitPath(String s, int width) {
        String clean = Terminal.clean(s);
        return clean.length() <= width ? clean : "…" + clean.substring(clean.length() - width + 1);
    }

    public static String fit(String s, int width) {
        String clean = Terminal.clean(s);
        return clean.length() <= width ? clean : clean.substring(0, width - 1) + "…";
    }

    private String level(Level level) {
        String text = level.name();
        if (!color) {
            return text;
        }
        String code = switch (level) {
            case OK -> "32";
            case WARNING -> "33";
            case CRITICAL -> "1;31";
        };
        return "\u001b[" + code + "m" + text + "\u001b[0m";
    }

    private String bold(String s) {
        return color ? "\u001b[1m" + s + "\u001b[0m" : s;
    }
}
