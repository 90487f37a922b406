package dev.poolscope.cli;

import dev.poolscope.analysis.Diagnosis;
import dev.poolscope.analysis.Summary;
import dev.poolscope.event.PoolEvent;
import dev.poolscope.feed.InputException;
import dev.poolscope.feed.InputOrder;
import dev.poolscope.feed.Pipeline;
import dev.poolscope.feed.ReadOptions;
import dev.poolscope.findings.FindingConfig;
import dev.poolscope.io.LogFiles;
import dev.poolscope.report.Redactor;
import dev.poolscope.summary.SummaryReader;
import dev.poolscope.weekly.DaySplit;
import dev.poolscope.weekly.WeeklyInsights;
import dev.poolscope.weekly.WeeklyReport;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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

    @Mixin
    FindingOptions findingOptions;

    @Override
    public Integer call() throws IOException, InputException, UsageException {
        ZoneId zone = weekly.zone();
        weekly.requireWritable();
        FindingConfig rules = findingOptions.config(null);
        Loaded current = load(inputs, zone, rules, true);
        Summary.Finished before = weekly.previous().isEmpty() ? null
                : load(weekly.previous(), zone, rules, false).whole().finish();
        Map<LocalDate, Diagnosis> days = new TreeMap<>();
        current.days().forEach((day, s) -> days.put(day, s.finish().diagnosis()));
        Summary.Finished whole = current.whole().finish();
        WeeklyReport w = WeeklyInsights.add(weekly.build(whole, before), whole.diagnosis(), days, rules);
        weekly.write(w, spec.commandLine().getOut());
        return ExitCode.OK;
    }

    /** The whole input's summary, and each calendar day's on its own (for the day's findings). */
    private record Loaded(Summary whole, Map<LocalDate, Summary> days) {}

    /**
     * Logs are analysed in one pass (split by day too when {@code byDay}); summaries are merged with that pass
     * in time order. A summary lying within one day is that day's too; one spanning days cannot be split.
     */
    private Loaded load(List<String> names, ZoneId zone, FindingConfig rules, boolean byDay)
            throws InputException, UsageException {
        List<String> files = InputOrder.expand(names, n -> LogFiles.isLogName(n) || LogFiles.isSummaryName(n));
        List<String> summaries = files.stream().filter(LogFiles::isSummaryName).toList();
        List<String> logs = files.stream().filter(f -> !LogFiles.isSummaryName(f)).toList();
        List<SummaryReader.Stored> stored = SummaryFiles.readStored(summaries, System.in);
        List<Summary> all = new ArrayList<>(stored.stream().map(SummaryReader.Stored::summary).toList());
        Map<LocalDate, List<Summary>> perDay = new TreeMap<>();
        for (Summary s : all) {
            LocalDate day = onlyDay(s, zone);
            if (day != null) {
                perDay.computeIfAbsent(day, d -> new ArrayList<>()).add(s);
            }
        }
        if (!logs.isEmpty()) {
            Pipeline pipeline = common.pipeline(ReadOptions.defaults(), rules);
            if (byDay) {
                // The server's side of the read goes to the whole period; days show the app's figures.
                DaySplit.Result split = pipeline.read(logs, System.in, new DaySplit(common.settings().options(), zone),
                        (r, withServer) -> new DaySplit.Result(withServer.apply(r.whole()), r.days()));
                all.add(split.whole());
                split.days().forEach((day, s) -> perDay.computeIfAbsent(day, d -> new ArrayList<>()).add(s));
            } else {
                all.add(pipeline.summarise(logs, System.in));
            }
        }
        // Every output (Markdown, JSON, HTML) is built from these summaries: masking them masks all three.
        Redactor r = SummaryFiles.redactorFor(stored, !logs.isEmpty(), redaction.redactor(),
                spec.commandLine().getErr());
        Summary empty = Summary.empty(all.get(0).options());
        Map<LocalDate, Summary> days = new TreeMap<>();
        for (Map.Entry<LocalDate, List<Summary>> e : perDay.entrySet()) {
            List<Summary> parts = new ArrayList<>(e.getValue());
            if (r.active()) {
                parts.replaceAll(s -> SummaryFiles.mask(s, r));
            }
            days.put(e.getKey(), SummaryFiles.merge(parts, empty));
        }
        if (r.active()) {
            all.replaceAll(s -> SummaryFiles.mask(s, r));
        }
        return new Loaded(SummaryFiles.merge(all, empty), days);
    }

    /** The one calendar day all of a summary's dated events fall on, or null. */
    private static LocalDate onlyDay(Summary s, ZoneId zone) {
        long first = s.counts().firstTime();
        long last = s.counts().lastTime();
        if (first == PoolEvent.NO_TIME || last == PoolEvent.NO_TIME) {
            return null;
        }
        LocalDate a = Instant.ofEpochSecond(Math.floorDiv(first, 1_000_000L)).atZone(zone).toLocalDate();
        LocalDate b = Instant.ofEpochSecond(Math.floorDiv(last, 1_000_000L)).atZone(zone).toLocalDate();
        return a.equals(b) ? a : null;
    }
}
