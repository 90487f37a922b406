package dev.poolscope.cli;

import dev.poolscope.analysis.Diagnosis;
import dev.poolscope.analysis.TimelineAnalyzer;
import dev.poolscope.feed.InputException;
import dev.poolscope.feed.InputProblems;
import dev.poolscope.feed.Pipeline;
import dev.poolscope.report.Redaction;
import dev.poolscope.report.Redactor;
import dev.poolscope.report.Units;
import dev.poolscope.report.json.JsonReport;
import dev.poolscope.report.text.TextReport;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code poolscope analyze}: one streaming pass over the logs, then a report. */
@Command(name = "analyze", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Report leaks, exhaustion windows, timeouts and pool health.",
        abbreviateSynopsis = true,
        description = {"Pairs every getconn with its putconn and reports leaks, the leak",
            "delta, near-exhaustion windows, failed checkouts and statement",
            "timeouts against the health thresholds."})
public final class AnalyzeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "LOG", description = "JSON-lines log files or directories of them (gzip detected; read in order of first timestamp), or - for stdin")
    List<String> inputs;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "text",
            description = "report format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
    ReportFormat format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "write the report to FILE instead of stdout")
    Path output;

    @Option(names = "--force", description = "replace output files that already exist")
    boolean force;

    @Option(names = "--summary", paramLabel = "FILE",
            description = "also write a mergeable summary of this run to FILE (docs/summaries.md)")
    Path summary;

    @Mixin
    ReportFileOptions files;

    @Mixin
    CommonOptions common;

    @Mixin
    DecodeOptions decode;

    @Mixin
    AnalysisSettings settings;

    @Mixin
    SpeedOptions speed;

    @Mixin
    RedactOptions redaction;

    @Override
    public Integer call() throws IOException, InputException, UsageException {
        if (output != null) {
            OutputTarget.requireWritable(output, force);
        }
        Redactor redactor = redaction.redactor();
        files.check(force, output);
        if (summary != null) {
            OutputTarget.requireWritable(summary, force);
        }
        Thread warmup = files.any() ? ReportFiles.warmUp(files, inputs) : null;
        Pipeline pipeline = common.pipeline(decode, settings, speed.read(spec.commandLine().getErr()));
        Diagnosis d;
        if (summary != null) {
            Pipeline.Both both = pipeline.runAndSummarise(inputs, System.in);
            SummaryFiles.write(both.summary(), summary, force, redactor);
            d = both.diagnosis();
        } else {
            d = pipeline.run(inputs, System.in);
        }
        d = Redaction.apply(d, redactor);   // before any writer: CSV, HTML and charts echo log strings too
        if (files.any()) {
            writeFiles(d, warmup);
        }
        if (output == null) {
            write(d, spec.commandLine().getOut(), common.color(spec), redactor);
        } else {
            try (PrintWriter out = new PrintWriter(new OutputStreamWriter(OutputTarget.open(output, force),
                    StandardCharsets.UTF_8))) {
                write(d, out, false, redactor);
            }
        }
        var problem = InputProblems.of(d);
        problem.ifPresent(p -> spec.commandLine().getErr().println("poolscope: " + p));
        return problem.isPresent() ? ExitCode.INPUT : ExitCode.OK;
    }

    private void writeFiles(Diagnosis d, Thread warmup) throws UsageException {
        if (d.timeline().widened()) {
            spec.commandLine().getErr().printf("poolscope: --bucket %ss would need more than %d buckets; used %ss%n",
                    seconds(settings.bucket.toNanos() / 1000), TimelineAnalyzer.MAX_BUCKETS,
                    seconds(d.timeline().bucketMicros()));
        }
        new ReportFiles(d, force).write(files, warmup);
    }

    private static String seconds(long micros) {
        return Units.seconds(micros).stripTrailingZeros().toPlainString();
    }

    private void write(Diagnosis d, PrintWriter out, boolean color, Redactor redactor) throws IOException {
        if (format == ReportFormat.JSON) {
            JsonReport.write(d, out, redactor);
        } else {
            new TextReport(out, color, redactor).write(d);
        }
        out.flush();
    }
}
