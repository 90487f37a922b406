package dev.poolscope.cli;

import dev.poolscope.analysis.Diagnosis;
import dev.poolscope.cli.ReportFileOptions.ChartFileFormat;
import dev.poolscope.findings.Finding;
import dev.poolscope.report.chart.ChartKind;
import dev.poolscope.report.chart.png.ChartImages;
import dev.poolscope.report.csv.CsvReport;
import dev.poolscope.report.csv.CsvTable;
import dev.poolscope.report.csv.FindingsCsv;
import dev.poolscope.report.html.HtmlReport;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** Writes the files of {@link ReportFileOptions}; the only cli class that touches the CSV and chart code. */
public final class ReportFiles {
    private final Diagnosis diagnosis;
    private ChartImages charts;   // created on first use: CSV, HTML and SVG need no Java2D
    private final boolean force;
    /** Empty unless given: findings.csv and the HTML findings section then say none were evaluated. */
    private List<Finding> findings = List.of();

    public ReportFiles(Diagnosis diagnosis, boolean force) {
        this.diagnosis = diagnosis;
        this.force = force;
    }

    /** The findings to write into findings.csv and the HTML page. */
    public ReportFiles withFindings(List<Finding> findings) {
        this.findings = List.copyOf(findings);
        return this;
    }

    /**
     * Starts priming Java2D on another thread while the log is read ({@link ChartImages#prime}: a small
     * specimen, which loads Java2D and sets up the fonts); {@link #write} waits for it, so the two never draw
     * at the same time. Null when no PNG file is asked for: CSV, SVG files and the HTML page (SVG text) have
     * nothing that heavy to load, and report.chart.png is then never touched. Priming the page too cost more
     * than it saved on two busy cores (10 kB, 21 pairs at load 17: wall ×1.05, CPU ×1.08 with it). On two
     * cores anything more competes with the reading: a full-size drawing of every chart made the report
     * files cost 1.55× the JSON run on 1 GB against 1.15× (issue 15.4).
     */
    public static Thread warmUp(ReportFileOptions o) throws UsageException {
        if (!wantsPng(o)) {
            return null;
        }
        Thread t = new Thread(() -> {
            try {
                ChartImages.prime();
            } catch (RuntimeException | LinkageError e) {
                // Only a head start: the real drawing afterwards meets the same problem and reports it in one line.
            }
        }, "poolscope-report-warmup");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
        return t;
    }

    private static boolean wantsPng(ReportFileOptions o) throws UsageException {
        return o.chart != null && o.chartFileFormat() == ChartFileFormat.PNG
                || o.chartsDir != null && o.chartFormat == ChartFileFormat.PNG;
    }

    public void write(ReportFileOptions o, Thread warmup) throws UsageException {
        if (warmup != null) {
            try {
                warmup.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        startPngCharts(o);   // drawn on the free cores while the other files are written
        CompletableFuture<Void> page = null;
        if (o.html != null && (o.csvDir != null || o.chart != null || o.chartsDir != null)) {
            page = CompletableFuture.runAsync(() -> page(o.html));   // beside the CSV files, on the other core
        } else if (o.html != null) {
            page(o.html);
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
            chartFile(o.chart, o.chartFileFormat(), ChartKind.POOL_USAGE);
        }
        if (o.chartsDir != null) {
            String extension = "." + o.chartFormat.name().toLowerCase(Locale.ROOT);
            for (ChartKind chart : ChartKind.values()) {
                chartFile(o.chartsDir.resolve(chart.baseName() + extension), o.chartFormat, chart);
            }
        }
        if (page != null) {
            try {
                page.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof UncheckedUsage u) {
                    throw u.problem;
                }
                throw e;
            }
        }
    }

    /** The HTML page; a problem writing it comes out of another thread as an {@link UncheckedUsage}. */
    private void page(Path html) {
        try {
            text(html, w -> HtmlReport.write(diagnosis, findings, w));
        } catch (UsageException e) {
            throw new UncheckedUsage(e);
        }
    }

    private static final class UncheckedUsage extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient UsageException problem;

        UncheckedUsage(UsageException problem) {
            super(problem.getMessage(), problem, false, false);
            this.problem = problem;
        }
    }

    /** One chart file: SVG text drawn here, or the PNG drawn by {@link #startPngCharts}. */
    private void chartFile(Path p, ChartFileFormat format, ChartKind chart) throws UsageException {
        if (format == ChartFileFormat.SVG) {
            text(p, w -> w.write(chart.document(diagnosis)));
        } else {
            bytes(p, out -> out.write(pngCharts().png(chart)));
        }
    }

    private void startPngCharts(ReportFileOptions o) throws UsageException {
        if (o.chartsDir != null && o.chartFormat == ChartFileFormat.PNG) {
            pngCharts().drawAll(List.of(ChartKind.values()));
        } else if (o.chart != null && o.chartFileFormat() == ChartFileFormat.PNG) {
            pngCharts().drawAll(List.of(ChartKind.POOL_USAGE));
        }
    }

    private ChartImages pngCharts() {
        if (charts == null) {
            charts = new ChartImages(diagnosis);
        }
        return charts;
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
