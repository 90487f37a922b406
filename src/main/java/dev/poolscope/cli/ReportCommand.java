package dev.poolscope.cli;

import dev.poolscope.analysis.Summary;
import dev.poolscope.feed.InputException;
import dev.poolscope.feed.InputOrder;
import dev.poolscope.io.LogFiles;
import dev.poolscope.summary.SummaryReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
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
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "INPUT",
            description = "log files, directories (their logs and .psum files), .psum summaries, or - for stdin")
    List<String> inputs;

    @Mixin
    WeeklyOptions weekly;

    @Mixin
    CommonOptions common;

    @Mixin
    RedactOptions redaction;

    @Override
    public Integer call() throws IOException, InputException, UsageException {
        weekly.zone();
        weekly.requireWritable();
        Summary.Finished current = load(inputs).finish();
        Summary.Finished before = weekly.previous().isEmpty() ? null : load(weekly.previous()).finish();
        weekly.write(weekly.build(current, before), spec.commandLine().getOut());
        return ExitCode.OK;
    }

    /** Logs are analysed in one pass; summaries are merged with that pass in time order. */
    private Summary load(List<String> names) throws InputException, UsageException {
        List<String> files = InputOrder.expand(names, n -> LogFiles.isLogName(n) || LogFiles.isSummaryName(n));
        List<String> summaries = files.stream().filter(LogFiles::isSummaryName).toList();
        List<String> logs = files.stream().filter(f -> !LogFiles.isSummaryName(f)).toList();
        List<SummaryReader.Stored> stored = SummaryFiles.readStored(summaries, System.in);
        List<Summary> all = new ArrayList<>(stored.stream().map(SummaryReader.Stored::summary).toList());
        if (!logs.isEmpty()) {
            all.add(common.pipeline().summarise(logs, System.in));
        }
        // Every output (Markdown, JSON, HTML) is built from these summaries: masking them masks all three.
        dev.poolscope.report.Redactor r = SummaryFiles.redactorFor(stored, !logs.isEmpty(), redaction.redactor(),
                spec.commandLine().getErr());
        if (r.active()) {
            all.replaceAll(s -> SummaryFiles.mask(s, r));
        }
        return SummaryFiles.merge(all, Summary.empty(all.get(0).options()));
    }
}
