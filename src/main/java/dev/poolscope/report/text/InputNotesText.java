package dev.poolscope.report.text;

import dev.poolscope.analysis.Diagnosis;
import dev.poolscope.analysis.ReadError;
import dev.poolscope.analysis.TimeQuality;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.stream.Collectors;

/** The text report's notes on damaged input and the log's clock; silent about what is fine. */
final class InputNotesText {
    /** Malformed lines the text report lists by line number: enough to start looking, the JSON report has 20. */
    static final int SAMPLES = 3;

    private InputNotesText() {}

    /** A warning above everything else when some input could not be read to its end. */
    static void incomplete(PrintWriter out, Diagnosis d) {
        for (ReadError e : d.input().readErrors()) {
            out.printf(Locale.ROOT, "INCOMPLETE INPUT: %s: %s at byte %d; figures cover its first %d lines%n",
                    TextReport.fitPath(e.source(), 40), TextReport.fit(e.message(), 60), e.byteOffset(), e.afterLine());
        }
    }

    /** Notes after the input line; the first malformed samples are printed by the caller. */
    static void write(PrintWriter out, Diagnosis d) {
        var in = d.input();
        if (in.malformedLines() > in.malformedSamples().stream().limit(SAMPLES).count()) {
            out.printf(Locale.ROOT, "  … %d malformed lines in all (--format json lists the first 20)%n",
                    in.malformedLines());
        }
        if (in.repairedLines() > 0) {
            var first = in.repairedSamples().get(0);
            out.printf(Locale.ROOT, "  repaired %d line(s) to read them, first %s:%d (%s)%n", in.repairedLines(),
                    TextReport.fitPath(first.source(), 30), first.line(), first.reason());
        }
        if (in.recoveredRecords() > 0) {
            out.printf(Locale.ROOT, "  recovered %d record(s) from lines holding several, or a cut-off one%n",
                    in.recoveredRecords());
        }
        timestamps(out, d);
        clock(out, d.time(), d.options().grace().toNanos() / 1000);
        var c = d.checkouts();
        boolean capped = c.leaks().size() < c.leakedCheckouts() || c.longHolds().size() < c.longHoldCount()
                || d.pool().windows().size() < d.pool().windowCount() || d.timeouts().items().size() < d.timeouts().events();
        if (capped) {
            out.printf(Locale.ROOT, "  lists stop at --max-items=%d; every total is exact%n", d.options().maxItems());
        }
    }

    private static void timestamps(PrintWriter out, Diagnosis d) {
        var ts = d.input().timestamps();
        long missing = d.counts().missingTimestamps();
        if (missing > 0) {
            out.printf(Locale.ROOT, "  %d events without a readable time (%d unreadable), given the previous event's%n",
                    missing, ts.unreadable());
        }
        if (ts.zones().size() > 1 || ts.withoutZone() > 0) {
            String zones = ts.sortedZones().entrySet().stream()
                    .map(z -> TextReport.fit(z.getKey(), 20) + " " + z.getValue()).collect(Collectors.joining(", "));
            out.printf(Locale.ROOT, "  time zones as written: %s; all shown in UTC%n", zones);
        }
    }

    /** A gap is worth a line when it is longer than the grace period, which decides what counts as a leak. */
    private static void clock(PrintWriter out, TimeQuality t, long graceMicros) {
        if (t.outOfOrder() > 0) {
            out.printf(Locale.ROOT, "  %d events out of time order, largest step back %s at %s%n", t.outOfOrder(),
                    TextReport.duration(t.largestStepBack()), place(t.stepBackAt()));
        }
        if (t.negativeHolds() > 0) {
            out.printf(Locale.ROOT, "  %d checkins stamped before their checkout (counted as held 0)%n",
                    t.negativeHolds());
        }
        if (t.sameTimeReorders() > 0) {
            out.printf(Locale.ROOT, "  %d checkins logged before their checkout with the same time, paired anyway%n",
                    t.sameTimeReorders());
        }
        if (t.gapAt() != null && t.largestGap() > graceMicros) {
            out.printf(Locale.ROOT, "  largest gap between events %s, before %s%n", TextReport.duration(t.largestGap()),
                    place(t.gapAt()));
        }
    }

    private static String place(TimeQuality.Place p) {
        return p == null ? "-" : TextReport.fitPath(p.source(), 30) + ":" + p.line();
    }
}
