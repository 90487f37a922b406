package dev.poolscope.cli;

import dev.poolscope.analysis.Diagnosis;
import dev.poolscope.report.JsonReport;
import dev.poolscope.report.Redactor;
import dev.poolscope.report.TextReport;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code poolscope analyze}: one streaming pass over the logs, then a report. */
@Command(name = "analyze", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Pairs every getconn with its putconn and reports leaks, the leak delta, near-exhaustion",
            "windows, failed checkouts and statement timeouts against the health thresholds."},
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {
            "0:analysis done", "2:usage error",
            "3:input missing, unreadable, empty or without events (a report of what was read is still written)",
            "4:internal error"})
public final class AnalyzeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "LOG", description = "JSON-lines log files (gzip detected), or - for stdin")
    List<String> inputs;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "text",
            description = "report format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
    ReportFormat format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "write the report to FILE instead of stdout")
    Path output;

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
        if (output != null) {
            OutputTarget.requireWritable(output, force);
        }
        Redactor redactor = redaction.redactor();
        Diagnosis d = common.pipeline(decode, settings).run(inputs, System.in);
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

    private void write(Diagnosis d, PrintWriter out, boolean color, Redactor redactor) throws IOException {
        if (format == ReportFormat.JSON) {
            JsonReport.write(d, out, redactor);
        } else {
            new TextReport(out, color, redactor).write(d);
        }
        out.flush();
    }
}
