package dev.poolscope.report.check;

import dev.poolscope.findings.FindingGate;

import dev.poolscope.analysis.Diagnosis;
import dev.poolscope.analysis.LeakedRequest;
import dev.poolscope.gate.GateResult;
import dev.poolscope.gate.Observability;
import dev.poolscope.gate.Verdict;
import dev.poolscope.report.Terminal;
import dev.poolscope.report.text.TextReport;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/**
 * The verdict of {@code check} on standard output: one headline, one row per check, then, when a leak
 * check failed, the requests that leaked so the CI log says where to look.
 */
public final class CheckReport {
    /** Leaking endpoints named in the summary line; a service rarely has more leaking code paths. */
    static final int ENDPOINTS = 5;

    private final PrintWriter out;
    private final boolean color;

    private List<FindingGate.Check> findings = List.of();

    public CheckReport(PrintWriter out, boolean color) {
        this.out = out;
        this.color = color;
    }

    /** Also lists these findings, each marked FAIL when --fail-on names it (docs/findings.md). */
    public CheckReport withFindings(List<FindingGate.Check> findings) {
        this.findings = List.copyOf(findings);
        return this;
    }

    public void write(Diagnosis d, Verdict v, List<LeakedRequest> top) {
        int failed = v.failures().size();
        int judged = v.checks().size() - v.notObservable().size();
        String unjudged = v.notObservable().isEmpty() ? ""
                : String.format(Locale.ROOT, " (%d not observable in this log)", v.notObservable().size());
        out.println(v.passed()
                ? paint("32", "PASS") + String.format(Locale.ROOT, "  poolscope check: all %d checks passed%s", judged,
                        unjudged)
                : paint("1;31", "FAIL") + String.format(Locale.ROOT, "  poolscope check: %d of %d checks failed%s", failed,
                        judged, unjudged));
        out.printf(Locale.ROOT, "  %-24s %8s %9s  %-6s %s%n", "check", "value", "limit", "result", "limit from");
        for (GateResult r : v.checks()) {
            String result = r.notObservable() ? "n/a   " : r.passed() ? "PASS  " : paint("1;31", "FAIL") + "  ";
            String basis = r.notObservable() ? "not observable: " + Observability.why(r.metric(), d) : GateText.basis(r);
            out.printf(Locale.ROOT, "  %-24s %8s %9s  %s %s%n", r.metric().label(), r.valueText(), "<= " + r.limit(),
                    result, basis);
        }
        if (v.leakFailed()) {
            leaks(d, top);
        }
        FindingChecks.text(out, findings, color);
        var in = d.input();
        out.println();
        out.printf(Locale.ROOT, "Input: %d file%s, %d lines, %d malformed, %d events%n", in.files().size(),
                in.files().size() == 1 ? "" : "s", in.lines(), in.malformedLines(), d.counts().events());
        out.flush();
    }

    private void leaks(Diagnosis d, List<LeakedRequest> top) {
        var c = d.checkouts();
        out.println();
        out.printf(Locale.ROOT, "Leaked: %d connections never returned, by %d requests%s%n", c.leakedCheckouts(),
                c.requestsWithoutClose(), c.inFlightCount() == 0 ? ""
                        : String.format(Locale.ROOT, "; %d more still open when the log ends (in flight)",
                                c.inFlightCount()));
        if (c.leakedCheckouts() > 0) {
            out.println("  by endpoint: " + GateText.leakedEndpoints(d, ENDPOINTS));
        }
        if (top.isEmpty()) {
            return;
        }
        out.printf(Locale.ROOT, "  top %d requests:%n", top.size());
        out.printf(Locale.ROOT, "    %-23s %5s  %-32s %s%n", "acquired at (UTC)", "conns", "endpoint", "request");
        for (LeakedRequest r : top) {
            out.printf(Locale.ROOT, "    %-23s %5d  %-32s %s%n", TextReport.shortTime(r.firstAcquiredAt()),
                    r.connections(), TextReport.fit(r.endpoint(), 32),
                    r.requestId() != null ? Terminal.clean(r.requestId()) : "conn " + Terminal.clean(r.connId()));
        }
    }

    private String paint(String code, String text) {
        return color ? "\u001b[" + code + "m" + text + "\u001b[0m" : text;
    }
}
