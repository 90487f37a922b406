package dev.poolscope.report.text;

import dev.poolscope.analysis.Diagnosis;
import dev.poolscope.analysis.InputDialect;
import dev.poolscope.analysis.LibraryResult;
import dev.poolscope.report.Redactor;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The text report's section on pool-library dialects (issue #16): what was read, and what it cannot tell. */
final class DialectText {
    private DialectText() {}

    /** Nothing for a structlog-only run, whose report is unchanged. */
    static void write(PrintWriter out, Diagnosis d, Redactor redactor) {
        LibraryResult lib = d.library();
        List<InputDialect> inputs = d.input().dialects();
        boolean library = inputs.stream().anyMatch(i -> i.dialect() == null || !"structlog".equals(i.dialect()))
                || !lib.libraryLines().isEmpty();
        if (!library) {
            return;
        }
        out.println();
        out.println("Pool library");
        for (InputDialect in : inputs) {
            Map<String, Long> events = lib.poolEvents().getOrDefault(in.file(), Map.of());
            out.printf(Locale.ROOT, "  %s: %s, %s%n", TextReport.fitPath(in.file(), 30),
                    in.dialect() == null ? "no pool dialect" : in.dialect(), events.isEmpty() ? "no pool events"
                            : events.toString().replaceAll("[{}]", "") + " pool events");
            if (!in.cannotObserve().isEmpty()) {
                out.printf(Locale.ROOT, "    cannot tell: %s%n", in.cannotObserve());
            }
        }
        if (lib.leakDetection() || lib.trueLeakCount() > 0) {
            out.printf(Locale.ROOT, "  leak warnings: %d, returned late: %d, still leaked at the end: %d%n",
                    lib.suspected(), lib.returnedLate(), lib.trueLeakCount());
            for (Map.Entry<String, Long> e : lib.byOrigin().subList(0, Math.min(TextReport.ROWS, lib.byOrigin().size()))) {
                out.printf(Locale.ROOT, "    %3d from %s%n", e.getValue(), log(redactor, e.getKey(), 66));
            }
            if (!lib.helpers().isEmpty()) {
                out.printf(Locale.ROOT, "    (every borrow went through %s: skipped)%n",
                        log(redactor, String.join(", ", lib.helpers()), 40));
            }
        }
        var p = d.pool();
        out.printf(Locale.ROOT, "  pool max: %s%s; waiting threads (peak): %s%n", p.poolMax() < 0 ? "n/a" : p.poolMax(),
                p.poolMax() < 0 ? "" : " (" + (lib.maxSource() == null ? "pool_max field" : lib.maxSource()) + ")",
                lib.peakWaiting() < 0 ? "n/a" : lib.peakWaiting());
        out.printf(Locale.ROOT, "  pool used thresholds: %s%n", d.options().thresholds().poolUsedBasis(p.poolMax()));
        config(out, lib, redactor);
        for (String note : lib.notes()) {
            out.printf(Locale.ROOT, "  note: %s%n", note);
        }
    }

    /** The settings of issue #16's list, where the configuration dump gave them. */
    private static void config(PrintWriter out, LibraryResult lib, Redactor redactor) {
        StringBuilder line = new StringBuilder();
        for (Map.Entry<String, String> e : lib.config().entrySet()) {
            String key = e.getKey().substring(e.getKey().lastIndexOf('.') + 1);
            if (List.of("maximumPoolSize", "leakDetectionThreshold", "connectionTimeout", "maxLifetime").contains(key)) {
                line.append(line.length() == 0 ? "" : ", ").append(e.getKey()).append('=').append(e.getValue());
            }
        }
        if (line.length() > 0) {
            out.printf(Locale.ROOT, "  configuration: %s%n", log(redactor, line.toString(), 200));
        }
    }

    private static String log(Redactor r, String s, int width) {
        return TextReport.fit(r.redact(s), width);
    }
}
