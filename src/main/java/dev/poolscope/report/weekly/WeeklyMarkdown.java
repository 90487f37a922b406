package dev.poolscope.report.weekly;

import dev.poolscope.analysis.Level;
import dev.poolscope.report.Markdown;
import dev.poolscope.weekly.DayFigures;
import dev.poolscope.weekly.EndpointWeek;
import dev.poolscope.weekly.WeeklyReport;
import java.io.PrintWriter;
import java.time.format.TextStyle;
import java.util.Locale;

/** The weekly report as GitHub/GitLab-flavoured Markdown, for a weekly issue or wiki page. */
public final class WeeklyMarkdown {
    private static final String HEADER = "| Day | getconn | putconn | delta | requests without close | peak used "
            + "| min above critical | failed getconns | statement timeouts | verdict |";
    private static final String ALIGN = "|---|--:|--:|--:|--:|--:|--:|--:|--:|---|";

    private WeeklyMarkdown() {}

    public static void write(WeeklyReport w, PrintWriter out) {
        out.println("# Connection-pool health " + w.from() + " to " + w.to() + " (" + Markdown.text(w.zone().getId()) + ")");
        out.println();
        DayFigures t = w.totals();
        out.print("**Verdict: " + verdict(t.verdict()) + "**");
        if (w.worstDay() != null) {
            DayFigures d = w.worstDay();
            out.print(" · worst day " + day(d) + ": " + d.requestsWithoutClose() + " requests without close, peak "
                    + Math.max(0, d.peakUsed()) + " used, " + WeeklyJson.minutes(d.aboveCriticalMicros())
                    + " min above critical, " + d.getconnFailed() + " failed getconns");
        }
        out.println();
        out.println();
        out.println(HEADER);
        out.println(ALIGN);
        for (DayFigures d : w.days()) {
            row(out, day(d), d, w.checkoutsLogged());
        }
        row(out, "**Total**", t, w.checkoutsLogged());
        if (w.previous() != null) {
            row(out, "Previous period", w.previous(), w.checkoutsLogged());
            change(out, t, w.previous());
        }
        out.println();
        ExtrasMarkdown.findings(out, w);
        endpoints(out, w);
        ExtrasMarkdown.library(out, w);
        ExtrasMarkdown.server(out, w);
        out.println("Thresholds: pool used critical above " + w.thresholds().poolUsed().criticalAbove()
                + ", getconn − putconn critical above " + w.thresholds().leakDelta().criticalAbove()
                + ", requests without close critical above " + w.thresholds().requestsWithoutClose().criticalAbove()
                + ". Days are calendar days in " + Markdown.text(w.zone().getId()) + "; a leak counts on the day its "
                + "connection was taken. " + w.inputs().size() + " input files.");
        if (!w.notes().isEmpty()) {
            out.println();
            out.println("Notes:");
            w.notes().forEach(n -> out.println("- " + Markdown.text(n)));
        }
        out.flush();
    }

    private static String day(DayFigures d) {
        return d.date().getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ROOT) + " " + d.date();
    }

    /** {@code checkouts}: false when no input logs checkouts (HikariCP alone): getconn and putconn are n/a. */
    private static void row(PrintWriter out, String label, DayFigures d, boolean checkouts) {
        if (!d.hasData()) {
            out.println("| " + label + " | | | | | | | | | no data |");
            return;
        }
        String pair = checkouts ? d.getconn() + " | " + d.putconn() + " | " + d.leakDelta() : "n/a | n/a | n/a";
        out.println("| " + label + " | " + pair + " | "
                + d.requestsWithoutClose() + " | " + (d.peakUsed() < 0 ? "n/a" : d.peakUsed()) + " | "
                + WeeklyJson.minutes(d.aboveCriticalMicros()) + " | " + d.getconnFailed() + " | "
                + d.statementTimeouts() + " | " + verdict(d.verdict()) + " |");
    }

    private static void change(PrintWriter out, DayFigures t, DayFigures p) {
        out.println("| Change | " + signed(t.getconn() - p.getconn()) + " | " + signed(t.putconn() - p.putconn()) + " | "
                + signed(t.leakDelta() - p.leakDelta()) + " | "
                + signed(t.requestsWithoutClose() - p.requestsWithoutClose()) + " | "
                + signed(Math.max(0, t.peakUsed()) - Math.max(0, p.peakUsed())) + " | "
                + (t.aboveCriticalMicros() >= p.aboveCriticalMicros() ? "+" : "")
                + WeeklyJson.minutes(t.aboveCriticalMicros() - p.aboveCriticalMicros()) + " | "
                + signed(t.getconnFailed() - p.getconnFailed()) + " | "
                + signed(t.statementTimeouts() - p.statementTimeouts()) + " | |");
    }

    private static String signed(long v) {
        return v > 0 ? "+" + v : Long.toString(v);
    }

    private static void endpoints(PrintWriter out, WeeklyReport w) {
        out.println("## Worst endpoints");
        out.println();
        if (w.worstEndpoints().isEmpty()) {
            out.println("No endpoint leaked a connection or hit a statement timeout.");
            out.println();
            return;
        }
        out.println("| Endpoint | requests without close | leaked checkouts | statement timeouts |");
        out.println("|---|--:|--:|--:|");
        for (EndpointWeek e : w.worstEndpoints()) {
            out.println("| " + Markdown.text(e.endpoint()) + " | " + e.requestsWithoutClose() + " | "
                    + e.leakedCheckouts() + " | " + e.statementTimeouts() + " |");
        }
        out.println();
    }

    static String verdict(Level level) {
        if (level == null) {
            return "no data";
        }
        return switch (level) {
            case OK -> "✅ ok";
            case WARNING -> "⚠️ warning";
            case CRITICAL -> "🔴 critical";
        };
    }
}
