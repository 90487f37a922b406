package dev.poolscope.report.check;

import dev.poolscope.findings.Figure;
import dev.poolscope.findings.FigureText;
import dev.poolscope.findings.Finding;
import dev.poolscope.findings.FindingGate;
import dev.poolscope.report.Terminal;
import dev.poolscope.report.text.TextReport;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The findings part of {@code check}'s outputs: text lines, JUnit bodies, one GitHub annotation each. */
public final class FindingChecks {
    private FindingChecks() {}

    static void text(PrintWriter out, List<FindingGate.Check> checks, boolean color) {
        if (checks.isEmpty()) {
            return;
        }
        out.println();
        out.printf(Locale.ROOT, "Findings (%d):%n", checks.size());
        for (FindingGate.Check c : checks) {
            Finding f = c.finding();
            String mark = c.failed() ? (color ? "\u001b[1;31mFAIL\u001b[0m" : "FAIL") : "    ";
            out.printf(Locale.ROOT, "  %s %-8s %s%n", mark, f.severity().slug(), Terminal.clean(f.id()));
            out.printf(Locale.ROOT, "       %s%n", TextReport.fit(f.title(), 73));
        }
    }

    /** Title, evidence and advice as plain lines (JUnit bodies, annotation messages). */
    static String body(Finding f) {
        String evidence = f.evidence().stream()
                .map(fig -> fig.label() + ": " + (fig.value() instanceof List<?> ? rows(fig) : FigureText.value(fig)))
                .collect(Collectors.joining("\n"));
        return f.severity().slug() + " " + f.id() + ": " + f.title() + "\n" + evidence + "\nfix: " + f.advice()
                + "\nsee " + f.doc() + "\n";
    }

    private static String rows(Figure fig) {
        return ((List<?>) fig.value()).stream().map(r -> "\n  " + FigureText.row((Figure.Row) r))
                .collect(Collectors.joining());
    }

    /** One annotation per finding: {@code ::error} when it fails the build, else by severity. */
    public static void annotate(PrintWriter out, List<FindingGate.Check> checks) {
        for (FindingGate.Check c : checks) {
            Finding f = c.finding();
            String command = c.failed() ? "error" : switch (f.severity()) {
                case CRITICAL, WARNING -> "warning";
                case INFO -> "notice";
            };
            out.println("::" + command + " title=" + GithubAnnotations.escapeProperty("poolscope finding: " + f.id())
                    + "::" + GithubAnnotations.escapeData(Terminal.clean(body(f).strip())));
        }
        out.flush();
    }
}
