package dev.poolscope.report.weekly;

import dev.poolscope.findings.Figure;
import dev.poolscope.findings.FigureText;
import dev.poolscope.findings.Finding;
import dev.poolscope.findings.Severity;
import dev.poolscope.report.Markdown;
import dev.poolscope.weekly.DayFigures;
import dev.poolscope.weekly.WeeklyReport;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;

/** The weekly Markdown's findings, pool-library and server sections; every log string escaped. */
final class ExtrasMarkdown {
    private ExtrasMarkdown() {}

    static void findings(PrintWriter out, WeeklyReport w) {
        if (w.period() == null) {
            return;
        }
        out.println("## Findings");
        out.println();
        if (w.period().findings().isEmpty()) {
            out.println("None: no rule fired over the period.");
            out.println();
        }
        for (Finding f : w.period().findings()) {
            out.println("### " + mark(f.severity()) + " " + f.severity().slug() + ": " + Markdown.text(f.title())
                    + " (" + Markdown.text(f.id()) + ")");
            out.println();
            for (Figure fig : f.evidence()) {
                out.println("- " + Markdown.text(fig.label()) + ": " + Markdown.text(evidence(fig)));
            }
            out.println();
            out.println("**Fix:** " + Markdown.text(f.advice()) + " Runbook: " + Markdown.text(f.doc()));
            out.println();
        }
        grid(out, w);
    }

    /** A table figure (per endpoint, per relation) on one line: its first rows. */
    private static String evidence(Figure fig) {
        if (fig.value() instanceof List<?> rows) {
            List<String> shown = rows.stream().limit(3).map(r -> FigureText.row((Figure.Row) r)).toList();
            return String.join("; ", shown) + (rows.size() > 3 ? "; … " + (rows.size() - 3) + " more" : "");
        }
        return FigureText.value(fig);
    }

    private static void grid(PrintWriter out, WeeklyReport w) {
        List<WeeklyExtras.GridRow> rows = WeeklyExtras.grid(w);
        if (rows.isEmpty()) {
            return;
        }
        out.println("Findings per day (" + mark(Severity.CRITICAL) + " critical, " + mark(Severity.WARNING)
                + " warning, " + mark(Severity.INFO) + " info, n/a: not evaluated for that day):");
        out.println();
        StringBuilder head = new StringBuilder("| Finding |");
        StringBuilder align = new StringBuilder("|---|");
        for (DayFigures d : w.days()) {
            head.append(' ').append(WeeklyExtras.day(d.date()).substring(0, 3)).append(' ')
                    .append(d.date().getDayOfMonth()).append(" |");
            align.append(":-:|");
        }
        out.println(head.append(" Period |"));
        out.println(align.append(":-:|"));
        for (WeeklyExtras.GridRow r : rows) {
            StringBuilder b = new StringBuilder("| ").append(Markdown.text(r.id())).append(" |");
            for (int k = 0; k < r.days().size(); k++) {
                b.append(' ').append(cell(w.daily().get(k) == null, r.days().get(k))).append(" |");
            }
            out.println(b.append(' ').append(cell(w.period() == null, r.period())).append(" |"));
        }
        out.println();
    }

    private static String cell(boolean notEvaluated, Severity s) {
        return notEvaluated ? "n/a" : s == null ? "" : mark(s);
    }

    static String mark(Severity s) {
        return switch (s) {
            case CRITICAL -> "🔴";
            case WARNING -> "⚠️";
            case INFO -> "ℹ️";
        };
    }

    static void library(PrintWriter out, WeeklyReport w) {
        if (!WeeklyExtras.anyLibrary(w)) {
            return;
        }
        out.println("## Pool libraries");
        out.println();
        table(out, WeeklyExtras.LIBRARY_HEADERS, WeeklyExtras.table(w, WeeklyExtras::library,
                WeeklyExtras.LIBRARY_HEADERS.size()));
        List<Map.Entry<String, Long>> origins = WeeklyExtras.origins(w);
        if (!origins.isEmpty()) {
            out.println("Where the period's true leaks were borrowed:");
            out.println();
            origins.forEach(e -> out.println("- " + e.getValue() + " from " + Markdown.text(e.getKey())));
            out.println();
        }
    }

    static void server(PrintWriter out, WeeklyReport w) {
        if (!WeeklyExtras.anyServer(w)) {
            return;
        }
        out.println("## PostgreSQL server");
        out.println();
        table(out, WeeklyExtras.SERVER_HEADERS, WeeklyExtras.table(w, WeeklyExtras::server,
                WeeklyExtras.SERVER_HEADERS.size()));
        List<String> join = WeeklyExtras.join(w.period());
        if (!join.isEmpty()) {
            out.println("Server's view against the app's log (period):");
            out.println();
            join.forEach(s -> out.println("- " + Markdown.text(s)));
            out.println();
        }
    }

    private static void table(PrintWriter out, List<String> headers, List<Map.Entry<String, List<String>>> rows) {
        out.println("| Day | " + String.join(" | ", headers) + " |");
        out.println("|---|" + "--:|".repeat(headers.size()));
        for (Map.Entry<String, List<String>> r : rows) {
            StringBuilder b = new StringBuilder("| ").append(r.getKey().equals("Period") ? "**Period**" : r.getKey());
            r.getValue().forEach(c -> b.append(" | ").append(Markdown.text(c)));
            out.println(b.append(" |"));
        }
        out.println();
    }
}
