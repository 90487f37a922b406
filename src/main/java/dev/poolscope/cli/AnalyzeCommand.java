package dev.poolscope.cli;

import dev.poolscope.analysis.Diagnosis;
import dev.poolscope.report.JsonReport;
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
            "0:analysis done", "2:usage error", "3:input missing or unreadable", "4:internal error"})
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
    SpeedOptions speed;

    @Override
    public Integer call() throws IOException, InputException, UsageException {
        if (output != null) {
            OutputTarget.requireWritable(output, force);
        }
        Diagnosis d = common.pipeline(decode, settings, speed.read(spec.commandLine().getErr())).run(inputs, System.in);
        if (output == null) {
            write(d, spec.commandLine().getOut(), common.color(spec));
        } else {
            try (PrintWriter out = new PrintWriter(new OutputStreamWriter(OutputTarget.open(output, force),
                    StandardCharsets.UTF_8))) {
                write(d, out, false);
            }
        }
        return ExitCode.OK;
    }

    private void write(Diagnosis d, PrintWriter out, boolean color) throws IOException {
        if (format == ReportFormat.JSON) {
            JsonReport.write(d, out);
        } else {
            new TextReport(out, color).write(d);
        }
        out.flush();
    }
}
