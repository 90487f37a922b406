package dev.poolscope.report.watch;

import dev.poolscope.analysis.Health;
import dev.poolscope.analysis.HealthCheck;
import dev.poolscope.analysis.LeakNotice;
import dev.poolscope.analysis.Level;
import dev.poolscope.analysis.LiveStatus;
import dev.poolscope.findings.Finding;
import dev.poolscope.gate.Alert;
import dev.poolscope.report.Terminal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The lines {@code watch} writes besides its status line: leak notices, alerts and the final summary. */
public final class WatchMessages {
    private WatchMessages() {}

    /** HikariCP-style: "leak suspected: … holds …" while open, "… returned" when it comes back. */
    public static String notice(LeakNotice n, Duration threshold) {
        String who = who(n);
        String held = StatusLine.age(n.heldMicros());
        if (n.kind() == LeakNotice.Kind.SUSPECTED) {
            String why = n.requestEnded() ? ", its request has ended"
                    : " (leak threshold " + StatusLine.age(micros(threshold)) + ")";
            return "leak suspected: " + who + " has held " + conn(n) + " for " + held + why;
        }
        if (n.reportedOpen()) {
            return "leak suspect returned: " + who + " gave " + conn(n) + " back after " + held;
        }
        return "long hold: " + who + " gave " + conn(n) + " back after " + held + " (leak threshold "
                + StatusLine.age(micros(threshold)) + ")";
    }

    /** One line for stderr: the new level, the old one, and the checks that are not ok. */
    public static String alert(Alert a, LiveStatus s) {
        StringBuilder b = new StringBuilder();
        b.append(a.level() == Level.OK ? "RECOVERED " : "ALERT ").append(a.level().label());
        b.append(a.previous() == null ? " (at start): " : " (was " + a.previous().label() + "): ");
        b.append(reasons(s));
        if (a.suppressedChanges() > 0) {
            b.append("; ").append(a.suppressedChanges()).append(" change(s) held back by the cooldown");
        }
        return b.toString();
    }

    /**
     * One line for a finding that has just reached critical: its severity, id and runbook, never its title
     * (which quotes the log), so that the line is also safe in {@code POOLSCOPE_SUMMARY}.
     */
    public static String finding(Finding f) {
        return "FINDING " + f.severity().slug() + " " + f.id() + " (" + f.doc() + ")";
    }

    /** The stderr line of a finding alert: {@link #finding} and its title, cleaned and cut like any log text. */
    public static String findingLine(Finding f) {
        return finding(f) + ": " + StatusLine.field(f.title());
    }

    /** The health checks in words, worst first; only numbers and metric names, never log content. */
    public static String reasons(LiveStatus s) {
        List<String> parts = new ArrayList<>();
        for (Level level : List.of(Level.CRITICAL, Level.WARNING, Level.OK)) {
            for (HealthCheck c : s.health().checks()) {
                if (c.level() == level) {
                    parts.add(check(c, s.usedNow() < 0));
                }
            }
        }
        return String.join(", ", parts);
    }

    /** The summary printed when the watch stops. */
    public static List<String> summary(LiveStatus s, String log, Duration ran, long lines, long malformed,
                                       long alertsSent, long alertsHeldBack) {
        var t = s.totals();
        var c = t.counts();
        List<String> out = new ArrayList<>();
        out.add("poolscope watch stopped after " + StatusLine.age(micros(ran)) + " following " + Terminal.clean(log));
        out.add(String.format(Locale.ROOT, "  read %d lines (%d malformed), %d events; level at stop: %s",
                lines, malformed, c.events(), s.level().label()));
        boolean logged = s.checkoutsLogged();
        out.add(String.format(Locale.ROOT, "  getconn %s, putconn %s, failed getconn %d, statement timeouts %d",
                logged ? Long.toString(c.getconn()) : "n/a", logged ? Long.toString(c.putconn()) : "n/a",
                c.getconnFailed(), t.statementTimeouts()));
        out.add(String.format(Locale.ROOT, "  pool used %s now, peak %s%s; open checkouts %d, leak delta %s",
                StatusLine.na(s.usedNow()), StatusLine.na(s.usedPeak()), t.peakProcess() == null || t.peakProcess().isEmpty() ? ""
                        : " (process " + StatusLine.field(t.peakProcess()) + ")", s.openCheckouts(),
                logged ? String.format(Locale.ROOT, "%+d", s.leakDelta()) : "n/a (the log shows no checkouts)"));
        if (s.leakWarningsKnown()) {
            out.add(String.format(Locale.ROOT, "  HikariCP leak warnings: %d, returned late %d, still open %d",
                    s.library().suspected(), s.library().returnedLate(), s.leakWarningsOpen()));
        }
        out.add(String.format(Locale.ROOT, "  leak suspects: %d reported, %d returned, %d still open; "
                        + "%d silent process(es) forgotten with %d open checkout(s)",
                t.suspected(), t.returned(), s.openSuspects(), t.forgottenProcesses(), t.forgottenCheckouts()));
        out.add(String.format(Locale.ROOT, "  alerts: %d sent, %d change(s) held back by the cooldown",
                alertsSent, alertsHeldBack));
        return out;
    }

    /** {@code usageUnknown}: every process is silent past the staleness bound, so pool used is n/a, not 0. */
    private static String check(HealthCheck c, boolean usageUnknown) {
        if (usageUnknown && Health.POOL_USED.equals(c.metric())) {
            return "pool used n/a";
        }
        String name = switch (c.metric()) {
            case Health.POOL_USED -> "pool used";
            case Health.LEAK_DELTA -> "getconn - putconn";
            case Health.REQUESTS_WITHOUT_CLOSE -> "requests without close";
            default -> c.metric();
        };
        String band = switch (c.level()) {
            case CRITICAL -> " > " + c.threshold().criticalAbove() + " critical";
            case WARNING -> " > " + c.threshold().normalMax() + " warning";
            case OK -> " ok";
        };
        return name + " " + c.value() + band;
    }

    private static String who(LeakNotice n) {
        StringBuilder b = new StringBuilder();
        b.append(n.requestId() == null ? "a checkout without request id" : "request " + StatusLine.field(n.requestId()));
        if (n.endpoint() != null) {
            b.append(" (").append(StatusLine.field(n.endpoint())).append(')');
        }
        if (n.process() != null && !n.process().isEmpty()) {
            b.append(" in process ").append(StatusLine.field(n.process()));
        }
        return b.toString();
    }

    private static String conn(LeakNotice n) {
        return n.connId() == null ? "a connection" : "connection " + StatusLine.field(n.connId());
    }

    private static long micros(Duration d) {
        return d.toNanos() / 1000;
    }
}
