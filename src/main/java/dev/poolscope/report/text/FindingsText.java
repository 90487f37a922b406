package dev.poolscope.report.text;

import dev.poolscope.findings.Example;
import dev.poolscope.findings.Figure;
import dev.poolscope.findings.FigureText;
import dev.poolscope.findings.Finding;
import dev.poolscope.report.Redactor;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The findings block of the text report, right under the headline: per finding its title, the
 * evidence, a few example lines and the fix, wrapped to 80 columns (docs/findings.md).
 */
final class FindingsText {
    /** Examples and table rows shown per finding here; JSON lists them all. */
    static final int SHOWN = 2;

    private final PrintWriter out;
    private final Redactor redactor;
    private final boolean color;
    /** The log spans one UTC day (the input line gives it): times of day are enough. */
    private final boolean oneDay;

    FindingsText(PrintWriter out, Redactor redactor, boolean color, boolean oneDay) {
        this.out = out;
        this.redactor = redactor;
        this.color = color;
        this.oneDay = oneDay;
    }

    private String time(long micros) {
        return TextReport.clock(micros, oneDay);
    }

    void write(List<Finding> findings) {
        out.println();
        if (findings.isEmpty()) {
            out.println("Findings: none");
            return;
        }
        out.println(bold("Findings (" + findings.size() + ")"));
        for (Finding f : findings) {
            finding(f);
        }
    }

    private void finding(Finding f) {
        out.printf(Locale.ROOT, "  %s %s%n", severity(f), clean(f.id()));
        wrap("    ", clean(f.title()));
        List<String> plain = new ArrayList<>();
        for (Figure fig : f.evidence()) {
            if (fig.value() instanceof List<?> rows) {
                table(fig, rows);
            } else {
                plain.add(fig.label() + " " + clean(FigureText.value(fig)));
            }
        }
        if (!plain.isEmpty()) {
            wrap("    evidence: ", String.join(", ", plain));
        }
        f.examples().stream().limit(SHOWN).forEach(this::example);
        wrap("    fix: ", f.advice());
        out.printf(Locale.ROOT, "    see %s%n", clean(f.doc()));
    }

    private void table(Figure fig, List<?> rows) {
        if (rows.isEmpty()) {
            return;
        }
        out.printf(Locale.ROOT, "    %s:%n", fig.label());
        rows.stream().limit(SHOWN + 2).forEach(r -> out.printf(Locale.ROOT, "      %s%n", TextReport.fit(
                redactor.redact(FigureText.row((Figure.Row) r, this::time)), TextReport.WIDTH - 6)));
        if (rows.size() > SHOWN + 2) {
            out.printf(Locale.ROOT, "      … and %d more%n", rows.size() - SHOWN - 2);
        }
    }

    /** Two lines: where and when (and which request), then the endpoint and what the line shows. */
    private void example(Example e) {
        String file = e.source() == null ? null : e.source().substring(e.source().lastIndexOf('/') + 1);
        String where = (file == null ? "" : TextReport.fitPath(file, 24) + ":" + e.line() + " at ") + time(e.time()) + (e.requestId() == null ? "" : ", request " + e.requestId());
        String what = (e.endpoint() == null ? "" : e.endpoint() + ": ") + e.note();
        out.printf(Locale.ROOT, "    e.g. %s%n", TextReport.fit(redactor.redact(where), TextReport.WIDTH - 9));
        out.printf(Locale.ROOT, "         %s%n", TextReport.fit(redactor.redact(what), TextReport.WIDTH - 9));
    }

    /** Words wrapped under the prefix, the continuation indented to it. */
    private void wrap(String prefix, String text) {
        String indent = " ".repeat(Math.min(prefix.length(), 14));
        StringBuilder line = new StringBuilder(prefix);
        boolean fresh = true;
        for (String word : text.split(" ")) {
            if (!fresh && line.length() + 1 + word.length() > TextReport.WIDTH) {
                out.println(line);
                line = new StringBuilder(indent);
                fresh = true;
            }
            line.append(fresh ? "" : " ").append(word);
            fresh = false;
        }
        out.println(line);
    }

    private String clean(String s) {
        return dev.poolscope.report.Terminal.clean(redactor.redact(s));
    }

    private String severity(Finding f) {
        String text = f.severity().name();
        if (!color) {
            return text;
        }
        String code = switch (f.severity()) {
            case INFO -> "36";
            case WARNING -> "33";
            case CRITICAL -> "1;31";
        };
        return "\u001b[" + code + "m" + text + "\u001b[0m";
    }

    private String bold(String s) {
        return color ? "\u001b[1m" + s + "\u001b[0m" : s;
    }
}
