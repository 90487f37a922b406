package dev.poolscope.cli;

import dev.poolscope.feed.ReadOptions;
import dev.poolscope.findings.FindingConfig;
import dev.poolscope.findings.FindingGate;
import dev.poolscope.findings.Findings;
import dev.poolscope.report.check.FindingChecks;

import dev.poolscope.analysis.Diagnosis;
import dev.poolscope.analysis.LeakedRequest;
import dev.poolscope.analysis.Level;
import dev.poolscope.feed.InputException;
import dev.poolscope.feed.Pipeline;
import dev.poolscope.gate.Allowance;
import dev.poolscope.gate.Figures;
import dev.poolscope.gate.Gate;
import dev.poolscope.gate.GatePolicy;
import dev.poolscope.gate.InputProblem;
import dev.poolscope.gate.Metric;
import dev.poolscope.gate.Verdict;
import dev.poolscope.report.Redaction;
import dev.poolscope.report.Redactor;
import dev.poolscope.report.Terminal;
import dev.poolscope.report.check.CheckReport;
import dev.poolscope.report.check.GithubAnnotations;
import dev.poolscope.report.check.JunitReport;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import javax.xml.stream.XMLStreamException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code poolscope check}: the CI gate. Analyses the logs, then passes or fails the build (docs/ci.md). */
@Command(name = "check", mixinStandardHelpOptions = true, sortOptions = false, abbreviateSynopsis = true,
        defaultValueProvider = ConfigDefaults.class,
        description = {
            "Fails a CI build when the connection pool leaks.",
            "Analyses the logs like 'analyze', then checks each figure against its",
            "limit: a --max-* option if given, else",
            "--baseline plus --tolerance, else the health table at the --fail-on level.",
            "Any option can also be set in a --config properties file; the command line",
            "wins. See docs/ci.md.", ""},
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {
            "0:every check passed",
            "1:a check breached its limit (--fail-on level, --max-*, or --baseline)",
            "2:usage error: bad option or --config file; --junit file exists without --force",
            "3:input missing, unreadable or empty; more malformed lines than --max-malformed; "
                    + "no pool events at all (unless --allow-empty); --baseline missing or not a report",
            "4:internal error"})
public final class CheckCommand implements Callable<Integer> {
    /** The process environment; tests replace it so they never depend on where they run. */
    public Map<String, String> env = System.getenv();

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "LOG", description = "JSON-lines log files (gzip detected), or - for stdin")
    List<String> inputs;

    @Option(names = "--config", paramLabel = "FILE",
            description = "read option values from a properties file (keys: long option names without dashes)")
    Path config;

    @Option(names = "--fail-on", paramLabel = "LEVEL|finding:ID", defaultValue = "critical", split = ",",
            converter = FailOnConverter.class,
            description = {"health-table level that fails: warning or critical (default: ${DEFAULT-VALUE});",
                "and/or findings that fail: finding:ID, finding:* or finding:*:SEVERITY (docs/findings.md)"})
    List<String> failOn;

    @Option(names = "--max-peak-used", paramLabel = "N", description = "fail if the peak pool used is above N")
    Long maxPeakUsed;
    @Option(names = "--max-leak-delta", paramLabel = "N", description = "fail if getconn - putconn is above N")
    Long maxLeakDelta;
    @Option(names = "--max-leaked-requests", paramLabel = "N", description = "fail if more than N requests leaked a connection")
    Long maxLeakedRequests;
    @Option(names = "--max-statement-timeouts", paramLabel = "N", description = "fail if more than N statement timeouts")
    Long maxStatementTimeouts;
    @Option(names = "--max-failed-getconn", paramLabel = "N", description = "fail if more than N checkouts failed")
    Long maxFailedGetconn;
    @Option(names = "--max-idle-in-transaction-kills", paramLabel = "N",
            description = "fail if the PostgreSQL log shows more than N idle-in-transaction kills (25P03)")
    Long maxIdleKills;
    @Option(names = "--max-too-many-clients", paramLabel = "N",
            description = "fail if the PostgreSQL log shows more than N too-many-clients refusals (53300)")
    Long maxTooManyClients;

    @Option(names = "--baseline", paramLabel = "FILE",
            description = "an earlier 'analyze --format json' report: fail only on figures worse than it")
    Path baseline;
    @Option(names = "--tolerance", paramLabel = "N|P%", defaultValue = "0", converter = AllowanceConverter.class,
            description = "how far above the baseline a figure may go, as a count or a percentage (default: ${DEFAULT-VALUE})")
    Allowance tolerance;

    @Option(names = "--max-malformed", paramLabel = "N|P%", defaultValue = "1%", converter = AllowanceConverter.class,
            description = "exit 3 if more lines than this are malformed, as a count or a percentage of the lines (default: ${DEFAULT-VALUE})")
    Allowance maxMalformed;
    @Option(names = "--allow-empty", description = "pass a run with no pool events instead of exiting 3")
    boolean allowEmpty;

    @Option(names = "--junit", paramLabel = "FILE", description = "also write the checks as JUnit XML to FILE")
    Path junit;
    @Option(names = "--force", description = "replace the --junit file if it exists")
    boolean force;
    @Option(names = "--top", paramLabel = "N", defaultValue = "10",
            description = "list at most N leaked requests when a leak check fails (default: ${DEFAULT-VALUE})")
    int top;

    @Mixin
    CommonOptions common;
    @Mixin
    RedactOptions redaction;
    @Mixin
    FindingOptions findingOptions;

    @Mixin
    ServerOptions server;


    @Override
    public Integer call() throws InputException, UsageException {
        if (junit != null) {
            OutputTarget.requireWritable(junit, force);
        }
        GatePolicy policy = policy();
        FindingGate findingGate = findingGate();
        FindingConfig rules = findingOptions.config(config);
        Redactor redactor = redaction.redactor();
        // Masked before any writer: the verdict, JUnit XML and GitHub annotations all echo log strings.
        Diagnosis d = Redaction.apply(analyse(rules), redactor);
        Verdict verdict = Gate.evaluate(Figures.of(d), d.options().thresholds(), policy);
        List<FindingGate.Check> findings = findingGate.checks(Findings.evaluate(d, rules));
        List<LeakedRequest> leaked = LeakedRequest.top(d.checkouts().leaks(), top);
        PrintWriter out = spec.commandLine().getOut();
        new CheckReport(out, common.color(spec)).withFindings(findings).write(d, verdict, leaked);
        if (onGithub()) {
            GithubAnnotations.write(out, d, verdict, leaked);
            FindingChecks.annotate(out, findings);
        }
        if (junit != null) {
            writeJunit(d, verdict, leaked, findings);
        }
        boolean findingFailed = findings.stream().anyMatch(FindingGate.Check::failed);
        return verdict.passed() && !findingFailed ? ExitCode.OK : ExitCode.FINDINGS;
    }

    /** The {@code finding:…} values of --fail-on. */
    private FindingGate findingGate() throws UsageException {
        try {
            return FindingGate.of(failOn.stream().filter(FindingGate::isFindingSpec).toList());
        } catch (IllegalArgumentException e) {
            throw new UsageException("--fail-on " + e.getMessage());
        }
    }

    private GatePolicy policy() throws InputException, UsageException {
        if (top < 0) {
            throw new UsageException("--top must not be negative");
        }
        Map<Metric, Long> maxima = new EnumMap<>(Metric.class);
        putIfSet(maxima, Metric.POOL_USED, maxPeakUsed);
        putIfSet(maxima, Metric.LEAK_DELTA, maxLeakDelta);
        putIfSet(maxima, Metric.REQUESTS_WITHOUT_CLOSE, maxLeakedRequests);
        putIfSet(maxima, Metric.STATEMENT_TIMEOUTS, maxStatementTimeouts);
        putIfSet(maxima, Metric.GETCONN_FAILED, maxFailedGetconn);
        putIfSet(maxima, Metric.SERVER_IDLE_IN_TRANSACTION_KILLS, maxIdleKills);
        putIfSet(maxima, Metric.SERVER_TOO_MANY_CLIENTS, maxTooManyClients);
        Optional<Figures> base = Optional.empty();
        if (baseline != null) {
            try {
                base = Optional.of(Baselines.read(baseline));
            } catch (InputException e) {
                throw annotated(e);
            }
        }
        try {
            boolean warning = failOn.stream().anyMatch(f -> f.strip().equalsIgnoreCase("warning"));
            return new GatePolicy(warning ? Level.WARNING : Level.CRITICAL, maxima, base, tolerance);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private static void putIfSet(Map<Metric, Long> maxima, Metric metric, Long max) {
        if (max != null) {
            maxima.put(metric, max);
        }
    }

    /** Runs the analysis and refuses input that cannot support a verdict. */
    private Diagnosis analyse(FindingConfig rules) throws InputException, UsageException {
        Pipeline pipeline = common.pipeline(ReadOptions.defaults(), rules).withServer(server.settings());
        Diagnosis d;
        try {
            d = pipeline.run(inputs, System.in);
        } catch (InputException e) {
            throw annotated(e);
        }
        Optional<InputProblem> problem = InputProblem.find(d.input(), d.counts(), d.library().totalPoolEvents(),
                maxMalformed, allowEmpty, d.server() != null);
        if (problem.isPresent()) {
            throw annotated(new InputException(InputMessages.describe(problem.get(), d, maxMalformed)));
        }
        return d;
    }

    /** On GitHub an input failure also becomes an annotation, so it shows on the run's summary page. */
    private InputException annotated(InputException e) {
        if (onGithub()) {
            PrintWriter out = spec.commandLine().getOut();
            GithubAnnotations.error(out, "poolscope check: input problem", Terminal.clean(e.getMessage()));
            out.flush();
        }
        return e;
    }

    private void writeJunit(Diagnosis d, Verdict verdict, List<LeakedRequest> leaked, List<FindingGate.Check> findings)
            throws UsageException {
        try (OutputStream out = OutputTarget.open(junit, force)) {
            JunitReport.write(d, verdict, leaked, findings, out);
        } catch (IOException | XMLStreamException e) {
            throw new UsageException("cannot write " + junit + ": " + e.getMessage());
        }
    }

    private boolean onGithub() {
        return "true".equals(env.get("GITHUB_ACTIONS"));
    }
}
