package dev.poolscope.cli;

import dev.poolscope.analysis.AnalysisOptions;
import dev.poolscope.analysis.InputTally;
import dev.poolscope.analysis.LiveAnalysis;
import dev.poolscope.dialect.Dialect;
import dev.poolscope.dialect.DialectRecognizer;
import dev.poolscope.event.EventDecoder;
import dev.poolscope.event.LineSalvage;
import dev.poolscope.feed.InputException;
import dev.poolscope.feed.LineFeeder;
import dev.poolscope.feed.Pipeline;
import dev.poolscope.gate.AlertGate;
import dev.poolscope.io.FileFollower;
import dev.poolscope.io.Inputs;
import dev.poolscope.io.Follower;
import dev.poolscope.io.StreamFollower;
import dev.poolscope.io.LineSplitter;
import dev.poolscope.report.watch.StatusLine;
import dev.poolscope.watch.AlertRunner;
import dev.poolscope.watch.FollowMessages;
import dev.poolscope.watch.LiveFindings;
import dev.poolscope.watch.PrometheusFile;
import dev.poolscope.watch.StatusScreen;
import dev.poolscope.watch.TerminalWidth;
import dev.poolscope.watch.Watcher;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import dev.poolscope.report.Redactor;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code poolscope watch}: follows a live log and raises the alarm (docs/watch.md). */
@Command(name = "watch", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Follows a growing JSON-lines log like tail -F, or standard input with '-'",
            "(kubectl logs -f pod | poolscope watch -); a status line every interval.",
            "Alerts on stderr (and through --alert-cmd) when the health level changes,",
            "reports leak suspects while they are still open, and keeps a Prometheus",
            "textfile up to date.",
            "--max-items is accepted but does not change what watch shows; a --merge-gap",
            "over 60 s lengthens how long a silent process's pool usage still counts.",
            "Stop with Ctrl-C or SIGTERM; a summary follows. See docs/watch.md."},
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {
            "0:standard input ended (watch -); summary printed",
            "2:usage error", "3:log unreadable or a directory", "4:internal error",
            "130:stopped by Ctrl-C (SIGINT); summary printed, a clean stop",
            "143:stopped by SIGTERM; summary printed, a clean stop"})
public final class WatchCommand implements Callable<Integer> {
    /** How often the file is looked at; status lines come every --interval. */
    static final Duration POLL = Duration.ofMillis(250);
    /** How long a stopping watch waits for alert commands still running. */
    static final Duration ALERT_WAIT_AT_STOP = Duration.ofSeconds(5);

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "LOG",
            description = "the JSON-lines log to follow (it may not exist yet), or - for standard input")
    Path log;

    @Option(names = "--from-start", description = "read the log from its start (default: only what is written from now on)")
    boolean fromStart;

    @Option(names = "--interval", paramLabel = "DURATION", converter = DurationConverter.class, defaultValue = "10s",
            description = "time between status lines (default: ${DEFAULT-VALUE})")
    Duration interval;

    @Option(names = "--alert-cmd", paramLabel = "CMD",
            description = "run CMD with sh -c on each alert: the alert as JSON on stdin, POOLSCOPE_* variables in its environment")
    String alertCommand;

    @Option(names = "--alert-cooldown", paramLabel = "DURATION", converter = DurationConverter.class,
            defaultValue = "5m", description = "announce the same level at most once per DURATION (default: ${DEFAULT-VALUE})")
    Duration cooldown;

    @Option(names = "--prometheus", paramLabel = "FILE",
            description = "keep FILE (e.g. /var/lib/node_exporter/textfile/poolscope.prom) up to date, replaced atomically")
    Path prometheus;

    @Option(names = "--force", description = "replace a --prometheus file that poolscope did not write")
    boolean force;

    @Option(names = "--forget-after", paramLabel = "DURATION", converter = DurationConverter.class, defaultValue = "10m",
            description = "a process silent this long is taken as gone; its open checkouts leave the live figures (default: ${DEFAULT-VALUE})")
    Duration forgetAfter;

    @Mixin
    CommonOptions common;

    @Mixin
    RedactOptions redaction;

    @Mixin
    FindingOptions findingOptions;

    @Override
    public Integer call() throws IOException, InputException, UsageException, InterruptedException {
        AnalysisOptions options = validate();
        Redactor redactor = redaction.redactor();
        StatusScreen screen = new StatusScreen(spec.commandLine().getOut(), spec.commandLine().getErr(),
                System.console() != null, TerminalWidth::columns);
        Watcher watcher = watcher(options, screen, Clock.systemUTC(), redactor);
        screen.message("poolscope: watching " + (stdin() ? "standard input"
                : redactor.redact(log.toString()) + (fromStart ? " from its start" : " from its end"))
                + "; status every " + StatusLine.age(interval.toNanos() / 1000)
                + "; Ctrl-C to stop");
        CountDownLatch stop = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            stop.countDown();
            try {
                done.await(ALERT_WAIT_AT_STOP.toSeconds() + 5, TimeUnit.SECONDS);   // let the summary print
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "poolscope-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            if (watcher.run(stop, POLL)) {
                screen.message("poolscope: standard input ended; stopping");
            }
            watcher.finish(ALERT_WAIT_AT_STOP);
        } finally {
            done.countDown();
        }
        return ExitCode.OK;
    }

    private boolean stdin() {
        return "-".equals(log.toString());
    }

    private AnalysisOptions validate() throws UsageException, InputException {
        if (interval.compareTo(Duration.ofMillis(100)) < 0) {
            throw new UsageException("--interval must be at least 100ms");
        }
        if (forgetAfter.isZero()) {
            throw new UsageException("--forget-after must be positive");
        }
        if (common.maxLineBytes < 1024) {
            throw new UsageException("--max-line-bytes must be at least 1024");
        }
        if (alertCommand != null && alertCommand.isBlank()) {
            throw new UsageException("--alert-cmd is empty");
        }
        if (Files.isDirectory(log)) {
            throw new InputException(log + " is a directory; name the log file to follow");
        }
        if (Files.exists(log) && !Files.isReadable(log)) {
            throw new InputException("cannot read " + log + ": permission denied");
        }
        String compressed = Files.isRegularFile(log) ? Inputs.compressionOrNull(log) : null;
        if (compressed != null) {
            throw new InputException(log + " is " + compressed + "-compressed, and watch follows a growing plain log; "
                    + "read it with: poolscope analyze " + log);
        }
        if (prometheus != null) {
            var problem = PrometheusFile.problem(prometheus, force);
            if (problem.isPresent()) {
                throw new UsageException(problem.get());
            }
        }
        return common.settings.options();
    }

    private Watcher watcher(AnalysisOptions options, StatusScreen screen, Clock clock, Redactor redactor)
            throws UsageException {
        String name = log.toString();
        LiveAnalysis analysis = new LiveAnalysis(options, forgetAfter);
        InputTally tally = new InputTally();
        tally.file(name);
        // A followed file is not detected up front: unless --dialect structlog, the library decoder reads it, which
        // also reads structlog events (issue #16); watch sees SQLAlchemy and psycopg_pool checkouts this way.
        Dialect dialect = common.decode.dialect();
        EventDecoder decoder = dialect == Dialect.STRUCTLOG
                ? new EventDecoder(Pipeline.FACTORY, common.decode.mapping(), common.decode.names())
                : new EventDecoder(Pipeline.FACTORY, common.decode.mapping(), common.decode.names(), true, dialect == null
                        ? DialectRecognizer.all(common.decode.names())
                        : new DialectRecognizer(EnumSet.of(dialect), common.decode.names()));
        // the findings run analyze's one pass beside the live view, fed the same events (issue #17)
        LiveFindings findings = new LiveFindings(options, findingOptions.config(null)).redacting(redactor);
        LineSplitter lines = new LineSplitter(common.maxLineBytes, new LineFeeder(name, decoder,
                new LineSalvage(decoder, Pipeline.FACTORY), e -> {
                    analysis.accept(e);
                    findings.accept(e);
                }, tally));
        Follower follower = stdin() ? new StreamFollower(System.in, lines)
                : new FileFollower(log, fromStart, lines, new FollowMessages(m -> screen.message(redactor.redact(m))));
        AlertRunner runner = alertCommand == null ? null
                : new AlertRunner(alertCommand, AlertRunner.TIMEOUT, m -> screen.message("poolscope: " + m));
        PrometheusFile metrics = prometheus == null ? null
                : new PrometheusFile(prometheus, m -> screen.message("poolscope: " + m));
        if (prometheus != null && !prometheus.getFileName().toString().endsWith(".prom")) {
            screen.message("poolscope: note: node_exporter's textfile collector reads only files named *.prom");
        }
        Watcher.Settings s = new Watcher.Settings(name, interval, options.leakThreshold(), common.color(spec));
        return new Watcher(s, follower, analysis, tally, clock, screen, new AlertGate(cooldown), runner, metrics)
                .redacting(redactor).withFindings(findings);
    }
}
