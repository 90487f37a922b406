package dev.poolscope.cli;

import dev.poolscope.analysis.Diagnosis;
import dev.poolscope.analysis.TimelineAnalyzer;
import dev.poolscope.feed.InputException;
import dev.poolscope.feed.InputProblems;
import dev.poolscope.feed.Pipeline;
import dev.poolscope.findings.Finding;
import dev.poolscope.findings.FindingConfig;
import dev.poolscope.findings.Findings;
import dev.poolscope.report.Redaction;
import dev.poolscope.report.Redactor;
import dev.poolscope.report.Units;
import dev.poolscope.report.json.JsonReport;
import dev.poolscope.report.text.NoPoolEvents;
import dev.poolscope.report.text.TextReport;
import java.io.IOException;
import java.io.PrintWriter;
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

    @Mixin
    OutputOptions out;

    @Option(names = "--summary", paramLabel = "FILE",
            description = "also write a mergeable summary of this run to FILE (docs/summaries.md)")
    Path summary;

    @Mixin
    ReportFileOptions files;

    @Mixin
    CommonOptions common;

    @Option(names = "--allow-empty",
            description = "report (and exit 0) even when no pool event of any dialect is found; otherwise no verdict is given and the exit code is 3")
    boolean allowEmpty;

    @Mixin
    SpeedOptions speed;

    @Mixin
    RedactOptions redaction;

    @Mixin
    FindingOptions findingOptions;

    @Mixin
    ServerOptions server;

    @Override
    public Integer call() throws IOException, InputException, UsageException {
        out.check();
        Redactor redactor = redaction.redactor();
        files.check(out.force, out.output);
        if (summary != null) {
            OutputTarget.requireWritable(summary, out.force);
        }
        Thread warmup = files.any() ? ReportFiles.warmUp(files) : null;
        FindingConfig rules = findingOptions.config(null);
        Pipeline pipeline = common.pipeline(speed.read(spec.commandLine().getErr()), rules)
                .withServer(server.settings());
        Diagnosis d;
        if (summary != null) {
            Pipeline.Both both = pipeline.runAndSummarise(inputs, System.in);
            SummaryFiles.write(both.summary(), summary, out.force, redactor);
            d = both.diagnosis();
        } else {
            d = pipeline.run(inputs, System.in);
        }
        d = Redaction.apply(d, redactor);   // before any writer: CSV, HTML and charts echo log strings too
        if (!allowEmpty && d.input().lines() > 0 && d.counts().events() > 0 && NoPoolEvents.applies(d)) {
            return noVerdict(d);   // never "OK" on a log whose pool poolscope cannot see (issue #16)
        }
        List<Finding> findings = Findings.evaluate(d, rules);   // from the redacted diagnosis: masked too
        if (files.any()) {
            writeFiles(d, findings, warmup);
        }
        if (out.output == null) {
            write(d, findings, spec.commandLine().getOut(), common.color(spec), redactor);
        } else {
            try (PrintWriter file = out.open()) {
                write(d, findings, file, false, redactor);
            }
        }
        var problem = InputProblems.of(d);
        problem.ifPresent(p -> spec.commandLine().getErr().println("poolscope: " + p));
        return problem.isPresent() ? ExitCode.INPUT : ExitCode.OK;
    }

    private int noVerdict(Diagnosis d) {
        PrintWriter err = spec.commandLine().getErr();
        err.println("poolscope: no pool events found, so no verdict; pass --allow-empty to report anyway");
        if (format != ReportFormat.JSON && out.output == null) {
            PrintWriter stdout = spec.commandLine().getOut();
            stdout.println("No pool events: no verdict.");
            NoPoolEvents.explain(d).forEach(line -> stdout.println("  " + line));
            stdout.flush();
        } else {
            NoPoolEvents.explain(d).forEach(line -> err.println("  " + line));
        }
        err.flush();
        return ExitCode.INPUT;
    }

    private void writeFiles(Diagnosis d, List<Finding> findings, Thread warmup) throws UsageException {
        if (d.timeline().widened()) {
            spec.commandLine().getErr().printf("poolscope: --bucket %ss would need more than %d buckets; used %ss%n",
                    seconds(common.settings.bucket.toNanos() / 1000), TimelineAnalyzer.MAX_BUCKETS,
                    seconds(d.timeline().bucketMicros()));
        }
        new ReportFiles(d, out.force).withFindings(findings).write(files, warmup);
    }

    private static String seconds(long micros) {
        return Units.seconds(micros).stripTrailingZeros().toPlainString();
    }

    private void write(Diagnosis d, List<Finding> findings, PrintWriter out, boolean color, Redactor redactor)
            throws IOException {
        if (format == ReportFormat.JSON) {
            JsonReport.write(d, findings, out, redactor);
        } else {
            new TextReport(out, color, redactor).withFindings(findings).write(d);
        }
        out.flush();
    }
}
