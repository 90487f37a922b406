package dev.poolscope.cli;

import dev.poolscope.findings.Finding;
import dev.poolscope.report.csv.FindingsCsv;
import java.util.List;

import dev.poolscope.analysis.Diagnosis;
import dev.poolscope.report.chart.ChartFormat;
import dev.poolscope.report.chart.ChartImages;
import dev.poolscope.report.chart.ChartKind;
import dev.poolscope.report.csv.CsvReport;
import dev.poolscope.report.csv.CsvTable;
import dev.poolscope.report.html.HtmlReport;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Writes the files of {@link ReportFileOptions}; the only cli class that touches the CSV and chart code. */
public final class ReportFiles {
    private final Diagnosis diagnosis;
    private ChartImages charts;   // created on first use: CSV alone needs no Java2D
    private final boolean force;
    /** Empty unless given: findings.csv and the HTML findings section then say none were evaluated. */
    private List<Finding> findings = List.of();

    public ReportFiles(Diagnosis diagnosis, boolean force) {
        this.diagnosis = diagnosis;
        this.force = force;
    }

    /** Below this much input the reading is too short to hide a warm-up behind: it would only add to the run. */
    static final long WARMUP_FROM_BYTES = 64L << 20;

    /** The findings to write into findings.csv and the HTML page. */
    public ReportFiles withFindings(List<Finding> findings) {
        this.findings = List.copyOf(findings);
        return this;
    }

    /**
     * Starts drawing throw-away reports on another thread so the chart stack is loaded and compiled
     * while the log is read; {@link #write} waits for it, so the two never draw at the same time.
     * For small files only the chart stack is primed ({@link ReportWarmup#prime}): measured on a 10 kB
     * log, the full warm-up made {@code --html} cost 0.5 s more CPU than drawing the real charts cold
     * (issue 15.4), while priming overlaps the class loading and font set-up with the reading.
     */
    public static Thread warmUp(ReportFileOptions o, List<String> inputs) throws UsageException {
        boolean large = large(inputs);
        boolean anyChart = o.chart != null || o.chartsDir != null || o.html != null;
        if (!large && !anyChart) {
            return null;   // CSV alone on a small log: nothing worth starting early
        }
        // ChartFormat is touched only when a chart is asked for: loading it verifies against Java2D classes.
        Set<ChartFormat> formats = anyChart ? EnumSet.noneOf(ChartFormat.class) : Set.of();
        if (o.chart != null) {
            formats.add(format(o.chartFileFormat()));
        }
        if (o.chartsDir != null) {
            formats.add(format(o.chartFormat));
        }
        if (o.html != null) {
            formats.add(ChartFormat.PNG);
        }
        Thread t = new Thread(() -> {
            try {
                if (large) {
                    ReportWarmup.run(o.csvDir != null, formats, o.html != null);
                } else if (!formats.isEmpty()) {
                    ReportWarmup.prime(formats, o.html != null);
                }
            } catch (RuntimeException | LinkageError e) {
                // Only a head start: the real drawing afterwards meets the same problem and reports it in one line.
            }
        }, "poolscope-report-warmup");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
        return t;
    }

    /** Standard input, a directory or files of {@link #WARMUP_FROM_BYTES} or more (gzip counted ten times). */
    static boolean large(List<String> inputs) {
        long bytes = 0;
        for (String name : inputs) {
            Path p = Path.of(name);
            if (name.equals("-") || !Files.isRegularFile(p)) {
                return true;
            }
            try {
                bytes += Files.size(p) * (name.endsWith(".gz") ? 10 : 1);
            } catch (IOException e) {
                return true;   // the reading will report it
            }
        }
        return bytes >= WARMUP_FROM_BYTES;
    }

    public void write(ReportFileOptions o, Thread warmup) throws UsageException {
        if (warmup != null) {
            try {
                warmup.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (o.csvDir != null) {
            for (CsvTable table : CsvTable.values()) {
                if (!table.appliesTo(diagnosis)) {
                    continue;   // the server's tables only with a PostgreSQL log among the inputs
                }
                Path p = o.csvDir.resolve(table.fileName());
                text(p, w -> CsvReport.write(table, diagnosis, w));
            }
            text(o.csvDir.resolve(FindingsCsv.FILE), w -> FindingsCsv.write(findings, w));
        }
        if (o.chart != null) {
            ChartFormat f = format(o.chartFileFormat());
            bytes(o.chart, out -> out.write(charts().bytes(ChartKind.POOL_USAGE, f)));
        }
        if (o.chartsDir != null) {
            ChartFormat f = format(o.chartFormat);
            for (ChartKind kind : ChartKind.values()) {
                bytes(o.chartsDir.resolve(kind.baseName() + "." + f.extension()), out -> out.write(charts().bytes(kind, f)));
            }
        }
        if (o.html != null) {
            text(o.html, w -> HtmlReport.write(diagnosis, findings, charts(), w));
        }
    }

    private ChartImages charts() {
        if (charts == null) {
            charts = new ChartImages(diagnosis);
        }
        return charts;
    }

    private static ChartFormat format(ReportFileOptions.ChartFileFormat f) {
        return f == ReportFileOptions.ChartFileFormat.SVG ? ChartFormat.SVG : ChartFormat.PNG;
    }

    private interface Body<T> {
        void write(T target) throws IOException;
    }

    private void text(Path p, Body<Writer> body) throws UsageException {
        bytes(p, out -> {
            Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            body.write(w);
            w.flush();
        });
    }

    private void bytes(Path p, Body<OutputStream> body) throws UsageException {
        try (OutputStream out = OutputTarget.open(p, force)) {
            body.write(out);
        } catch (IOException e) {
            throw new UsageException("cannot write " + p + ": " + e.getMessage());
        }
    }
}
