package dev.poolscope.report.csv;

import dev.poolscope.analysis.Diagnosis;
import java.io.IOException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** Writes one {@link CsvTable} as RFC 4180 CSV: CRLF line ends, a header row, quotes only where needed. */
public final class CsvReport {
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setNullString("").get();

    private CsvReport() {}

    /** Writes the table to {@code out}, which the caller opened as UTF-8 and closes. */
    public static void write(CsvTable table, Diagnosis d, Appendable out) throws IOException {
        CSVPrinter printer = new CSVPrinter(out, FORMAT);
        printer.printRecord(table.header());
        table.rows(d, printer::printRecord);
        printer.flush();
    }
}
