package dev.poolscope.cli;

import dev.poolscope.analysis.Summary;
import dev.poolscope.event.PoolEvent;
import dev.poolscope.report.weekly.WeeklyHtml;
import dev.poolscope.report.weekly.WeeklyJson;
import dev.poolscope.report.weekly.WeeklyMarkdown;
import dev.poolscope.weekly.Weekly;
import dev.poolscope.weekly.WeeklyReport;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The weekly report's days and outputs, shared by {@code report} and the Spark {@code FleetReport}: both
 * turn finished summaries into the same Markdown, JSON and HTML (docs/weekly-report.md).
 */
public final class WeeklyOptions {
    public enum Format { MARKDOWN, JSON }

    @Option(names = "--from", paramLabel = "DATE", description = "first day, e.g. 2026-01-05 (default: the data's first day, or --to minus 6 days)")
    LocalDate from;

    @Option(names = "--to", paramLabel = "DATE", description = "last day, inclusive (default: --from plus 6 days, or the data's last day)")
    LocalDate to;

    @Option(names = "--timezone", paramLabel = "ZONE", defaultValue = "UTC",
            description = "time zone of the calendar days, e.g. Europe/Madrid (default: ${DEFAULT-VALUE})")
    String timezone;

    @Option(names = "--previous", paramLabel = "INPUT", description = "the previous period's logs or summaries; repeatable")
    List<String> previous;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "markdown",
            description = "report format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
    Format format;

    @Mixin
    OutputOptions out = new OutputOptions();

    @Option(names = "--html", paramLabel = "FILE", description = "also write a self-contained HTML page with charts to FILE")
    Path html;


    /** The previous period's inputs, empty when not asked for. */
    public List<String> previous() {
        return previous == null ? List.of() : previous;
    }

    public boolean force() {
        return out.force;
    }

    /** Fails before any reading when an output would replace a file unasked. */
    public void requireWritable() throws UsageException {
        out.check();
        if (html != null) {
            OutputTarget.requireWritable(html, out.force);
        }
    }

    /** The report over {@code current} (and {@code before}, the previous period, or null) for the days asked. */
    public WeeklyReport build(Summary.Finished current, Summary.Finished before) throws UsageException {
        ZoneId zone = zone();
        LocalDate[] range = range(current, zone);
        try {
            return Weekly.build(current, before, range[0], range[1], zone, current.diagnosis().options().thresholds());
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** Writes the report to {@code -o} or {@code stdout}, and the HTML page when asked. */
    public void write(WeeklyReport w, PrintWriter stdout) throws IOException, UsageException {
        if (out.output == null) {
            writeReport(w, stdout);
        } else {
            try (PrintWriter file = out.open()) {
                writeReport(w, file);
            }
        }
        if (html != null) {
            try (Writer file = new OutputStreamWriter(OutputTarget.open(html, out.force), StandardCharsets.UTF_8)) {
                WeeklyHtml.write(w, file);
            }
        }
    }

    private void writeReport(WeeklyReport w, PrintWriter out) throws IOException {
        if (format == Format.JSON) {
            WeeklyJson.write(w, out);
        } else {
            WeeklyMarkdown.write(w, out);
        }
        out.flush();
    }

    /** Checked before reading anything, so a typo costs nothing. */
    public ZoneId zone() throws UsageException {
        try {
            return ZoneId.of(timezone);
        } catch (DateTimeException e) {
            throw new UsageException("--timezone " + timezone + " is not a time zone (examples: UTC, Europe/Madrid, +01:00)");
        }
    }

    private LocalDate[] range(Summary.Finished f, ZoneId zone) throws UsageException {
        LocalDate first = day(f.diagnosis().counts().firstTime(), zone);
        LocalDate last = day(f.diagnosis().counts().lastTime(), zone);
        LocalDate a = from;
        LocalDate b = to;
        if (a == null && b == null) {
            if (first == null) {
                throw new UsageException("the inputs have no timestamps; name the days with --from and --to");
            }
            a = first;
            b = last;
        } else if (a == null) {
            a = b.minusDays(6);
        } else if (b == null) {
            b = a.plusDays(6);
        }
        if (b.isBefore(a)) {
            throw new UsageException("--to " + b + " is before --from " + a);
        }
        if (b.toEpochDay() - a.toEpochDay() > 366) {
            throw new UsageException("the range " + a + " to " + b + " is longer than a year");
        }
        return new LocalDate[] {a, b};
    }

    private static LocalDate day(long micros, ZoneId zone) {
        return micros == PoolEvent.NO_TIME ? null
                : Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L)).atZone(zone).toLocalDate();
    }
}
