package dev.poolscope.report.csv;

import dev.poolscope.findings.Example;
import dev.poolscope.findings.Figure;
import dev.poolscope.findings.FigureText;
import dev.poolscope.findings.Finding;
import dev.poolscope.report.Units;
import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * findings.csv: one row per finding (docs/findings.md). Evidence and examples are flattened into one
 * cell each ({@code key=value; …}); every log string goes through {@link CsvCells#text} against formulas.
 */
public final class FindingsCsv {
    public static final String FILE = "findings.csv";
    static final List<String> HEADER = List.of("id", "severity", "title", "first_seen", "last_seen", "endpoints",
            "evidence", "examples", "advice", "doc");
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setNullString("").get();

    private FindingsCsv() {}

    public static void write(List<Finding> findings, Appendable out) throws IOException {
        CSVPrinter printer = new CSVPrinter(out, FORMAT);
        printer.printRecord(HEADER);
        for (Finding f : findings) {
            printer.printRecord(f.id(), f.severity().slug(), CsvCells.text(f.title()), Units.time(f.firstSeen()),
                    Units.time(f.lastSeen()), CsvCells.text(String.join(" | ", f.endpoints())),
                    CsvCells.text(evidence(f.evidence())), CsvCells.text(examples(f.examples())),
                    CsvCells.text(f.advice()), f.doc());
        }
        printer.flush();
    }

    private static String evidence(List<Figure> figures) {
        return figures.stream().map(f -> f.key() + "=" + FigureText.value(f)).collect(Collectors.joining("; "));
    }

    private static String examples(List<Example> examples) {
        return examples.stream().map(e -> (e.source() == null ? "" : e.source() + ":" + e.line() + " ")
                + (e.requestId() == null ? "" : e.requestId() + " ") + e.note()).collect(Collectors.joining(" | "));
    }
}
