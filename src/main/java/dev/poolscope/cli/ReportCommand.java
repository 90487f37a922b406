package dev.poolscope.cli;

import dev.poolscope.analysis.Summary;
import dev.poolscope.event.PoolEvent;
import dev.poolscope.feed.InputException;
import dev.poolscope.feed.InputOrder;
import dev.poolscope.report.weekly.WeeklyJson;
import dev.poolscope.report.weekly.WeeklyMarkdown;
import dev.poolscope.weekly.Weekly;
import dev.poolscope.weekly.WeeklyReport;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code poolscope report}: the weekly health review over logs and summaries (docs/weekly-report.md). */
@Command(name = "report", mixinStandardHelpOptions = true, sortOptions = false,
        description = "The weekly health review: one row per day (getconn, putconn, delta, requests without close, "
            + "peak used, minutes above critical, failed getconns, statement timeouts, verdict), totals, the worst day "
            + "and endpoints, and the change against the previous period. Reads logs, directories and .psum "
            + "summaries together (docs/weekly-report.md).",
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {
            "0:report written", "2:usage error", "3:input missing, unreadable or not mergeable", "4:internal error"})
public final class ReportCommand implements Callable<Integer> {
    enum Format { MARKDOWN, JSON }

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "INPUT",
            description = "log files, directories (their logs and .psum files), .psum summaries, or - for stdin")
    List<String> inputs;

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

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "write the report to FILE instead of stdout")
    Path output;

    @Option(names = "--html", paramLabel = "FILE", description = "also write a self-contained HTML page with charts to FILE")
    Path html;

    @Option(names = "--force", description = "replace output files that already exist")
    boolean force;

    @Mixin
    CommonOptions common;

    @Mixin
    DecodeOptions decode;

    @Mixin
    AnalysisSettings settings;

    @Mixin
    RedactOptions redaction;

    @Override
    public Integer call() throws IOException, InputException, UsageException {
        ZoneId zone = zone();
        if (output != null) {
            OutputTarget.requireWritable(output, force);
        }
        if (html != null) {
            OutputTarget.requireWritable(html, force);
        }
        Summary.Finished current = load(inputs).finish();
        Summary.Finished before = previous == null || previous.isEmpty() ? null : load(previous).finish();
        LocalDate[] range = range(current, zone);
        WeeklyReport w;
        try {
            w = Weekly.build(current, before, range[0], range[1], zone,
                    current.diagnosis().options().thresholds());
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        if (output == null) {
            write(w, spec.commandLine().getOut());
        } else {
            try (PrintWriter out = new PrintWriter(new OutputStreamWriter(OutputTarget.open(output, force),
                    StandardCharsets.UTF_8))) {
                write(w, out);
            }
        }
        if (html != null) {
            try (java.io.Writer out = new OutputStreamWriter(OutputTarget.open(html, force), StandardCharsets.UTF_8)) {
                dev.poolscope.report.weekly.WeeklyHtml.write(w, out);
            }
        }
        return ExitCode.OK;
    }

    private void write(WeeklyReport w, PrintWriter out) throws IOException {
        if (format == Format.JSON) {
            WeeklyJson.write(w, out);
        } else {
            WeeklyMarkdown.write(w, out);
        }
        out.flush();
    }

    /** Logs are analysed in one pass; summaries are merged with that pass in time order. */
    private Summary load(List<String> names) throws InputException, UsageException {
        List<String> files = InputOrder.expand(names, n -> dev.poolscope.io.LogFiles.isLogName(n)
                || dev.poolscope.io.LogFiles.isSummaryName(n));
        List<String> summaries = files.stream().filter(dev.poolscope.io.LogFiles::isSummaryName).toList();
        List<String> logs = files.stream().filter(f -> !dev.poolscope.io.LogFiles.isSummaryName(f)).toList();
        List<dev.poolscope.summary.SummaryReader.Stored> stored = SummaryFiles.readStored(summaries, System.in);
        List<Summary> all = new java.util.ArrayList<>(stored.stream().map(s -> s.summary()).toList());
        if (!logs.isEmpty()) {
            all.add(common.pipeline(decode, settings).summarise(logs, System.in));
        }
        // Every output (Markdown, JSON, HTML) is built from these summaries: masking them masks all three.
        dev.poolscope.report.Redactor r = SummaryFiles.redactorFor(stored, !logs.isEmpty(), redaction.redactor(),
                spec.commandLine().getErr());
        if (r.active()) {
            all.replaceAll(s -> SummaryFiles.mask(s, r));
        }
        return SummaryFiles.merge(all, Summary.empty(all.get(0).options()));
    }

    private ZoneId zone() throws UsageException {
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
