package dev.poolscope.cli;

import dev.poolscope.analysis.AnalysisOptions;
import dev.poolscope.analysis.Summary;
import dev.poolscope.feed.InputException;
import dev.poolscope.report.Redactor;
import dev.poolscope.summary.SummaryReader;
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

    @picocli.CommandLine.Mixin
    RedactOptions redaction;

    @Override
    public Integer call() throws IOException, InputException, UsageException {
        OutputTarget.requireWritable(output, force);
        Redactor asked = redaction.redactor();
        List<SummaryReader.Stored> stored = SummaryFiles.readStored(inputs, System.in);
        Redactor r = SummaryFiles.redactorFor(stored, false, asked, spec.commandLine().getErr());
        // Redacted summaries pair on masked ids: the others are masked the same way before they meet.
        List<Summary> summaries = stored.stream()
                .map(s -> r.active() ? SummaryFiles.mask(s.summary(), r) : s.summary()).toList();
        AnalysisOptions options = summaries.get(0).options();
        Summary merged = SummaryFiles.merge(summaries, Summary.empty(options));
        SummaryFiles.write(merged, output, force, r);
        spec.commandLine().getErr().println("poolscope: merged " + summaries.size() + " summaries ("
                + merged.counts().events() + " events) into " + output);
        merged.notes().forEach(n -> spec.commandLine().getErr().println("poolscope: note: " + dev.poolscope.report.Terminal.clean(n)));
        return ExitCode.OK;
    }
}
