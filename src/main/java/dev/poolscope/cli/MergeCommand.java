package dev.poolscope.cli;

import dev.poolscope.analysis.AnalysisOptions;
import dev.poolscope.analysis.Summary;
import dev.poolscope.feed.InputException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code poolscope merge}: combines summaries into one, as if their logs had been analysed together. */
@Command(name = "merge", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Combines summaries written by 'analyze --summary' into one, in the order of their first "
            + "timestamps: checkouts open at the end of one are matched with checkins at the start of the next, so "
            + "the result has the figures of one analysis over all their logs (docs/summaries.md).",
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {
            "0:merged", "2:usage error", "3:summary missing, unreadable, or made with other settings",
            "4:internal error"})
public final class MergeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "SUMMARY", description = "summary files (.psum, gzip detected) or directories of them")
    List<String> inputs;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", required = true, description = "write the merged summary to FILE")
    Path output;

    @Option(names = "--force", description = "replace the output file if it exists")
    boolean force;

    @Override
    public Integer call() throws IOException, InputException, UsageException {
        OutputTarget.requireWritable(output, force);
        List<Summary> summaries = SummaryFiles.read(inputs, System.in);
        AnalysisOptions options = summaries.get(0).options();
        Summary merged = SummaryFiles.merge(summaries, Summary.empty(options));
        SummaryFiles.write(merged, output, force);
        spec.commandLine().getErr().println("poolscope: merged " + summaries.size() + " summaries ("
                + merged.counts().events() + " events) into " + output);
        merged.notes().forEach(n -> spec.commandLine().getErr().println("poolscope: note: " + dev.poolscope.report.Terminal.clean(n)));
        return ExitCode.OK;
    }
}
