package dev.poolscope.cli;

import dev.poolscope.report.chart.ChartKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import picocli.CommandLine.Option;

/**
 * Report files written besides the main report (docs/reports.md). Only names and checks live here, so
 * a plain {@code analyze} never loads the chart or CSV libraries.
 */
public final class ReportFileOptions {
    /** Chart file formats: PNG painted with Java2D, SVG written as text (report.chart). */
    public enum ChartFileFormat { PNG, SVG }

    static final List<String> CSV_FILES = List.of("timeline.csv", "leaks.csv", "long_holds.csv", "windows.csv",
            "timeouts.csv", "endpoints.csv", "health.csv", "server_applications.csv", "server_losses.csv",
            "server_timeouts.csv", "server_join.csv");

    @Option(names = "--csv", paramLabel = "DIR",
            description = "write timeline.csv, leaks.csv, long_holds.csv, windows.csv, timeouts.csv, endpoints.csv and health.csv into DIR (and server_*.csv with a PostgreSQL log)")
    public Path csvDir;

    @Option(names = "--chart", paramLabel = "FILE", description = "draw the pool-usage chart to FILE (.png or .svg)")
    public Path chart;

    @Option(names = "--charts", paramLabel = "DIR",
            description = "draw every chart into DIR: pool-usage, leak-delta, hold-times, endpoint-leaks")
    public Path chartsDir;

    @Option(names = "--chart-format", paramLabel = "FORMAT", defaultValue = "png",
            description = "file format of --charts: png or svg (default: ${DEFAULT-VALUE})")
    public ChartFileFormat chartFormat;

    @Option(names = "--html", paramLabel = "FILE", description = "write a self-contained HTML report to FILE")
    public Path html;

    boolean any() {
        return csvDir != null || chart != null || chartsDir != null || html != null;
    }

    /** The format of {@code --chart FILE}, from its extension. */
    public ChartFileFormat chartFileFormat() throws UsageException {
        String name = chart.getFileName() == null ? "" : chart.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".png")) {
            return ChartFileFormat.PNG;
        } else if (name.endsWith(".svg")) {
            return ChartFileFormat.SVG;
        }
        throw new UsageException("--chart " + chart + ": the file name must end in .png or .svg");
    }

    /** Every file these options will write, in writing order. */
    List<Path> targets() throws UsageException {
        List<Path> out = new ArrayList<>();
        if (csvDir != null) {
            CSV_FILES.forEach(f -> out.add(csvDir.resolve(f)));
        }
        if (chart != null) {
            chartFileFormat();
            out.add(chart);
        }
        if (chartsDir != null) {
            String ext = "." + chartFormat.name().toLowerCase(Locale.ROOT);
            for (ChartKind kind : ChartKind.values()) {   // the chart names, without loading anything of Java2D
                out.add(chartsDir.resolve(kind.baseName() + ext));
            }
        }
        if (html != null) {
            out.add(html);
        }
        return out;
    }

    /** Fails before any work when a target exists without --force, repeats, or sits where a folder is a file. */
    void check(boolean force, Path mainOutput) throws UsageException {
        for (Path dir : new Path[] {csvDir, chartsDir}) {
            if (dir != null && Files.exists(dir) && !Files.isDirectory(dir)) {
                throw new UsageException(dir + " is a file, not a folder");
            }
        }
        Set<Path> seen = new HashSet<>();
        if (mainOutput != null) {
            seen.add(mainOutput.toAbsolutePath().normalize());
        }
        for (Path p : targets()) {
            if (!seen.add(p.toAbsolutePath().normalize())) {
                throw new UsageException(p + " would be written twice; give the outputs different names");
            }
            OutputTarget.requireWritable(p, force);
        }
    }
}
