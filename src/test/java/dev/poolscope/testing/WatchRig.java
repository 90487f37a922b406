package dev.poolscope.testing;

import dev.poolscope.analysis.AnalysisOptions;
import dev.poolscope.analysis.InputTally;
import dev.poolscope.analysis.LiveAnalysis;
import dev.poolscope.event.EventDecoder;
import dev.poolscope.event.EventNames;
import dev.poolscope.event.FieldMapping;
import dev.poolscope.event.LineSalvage;
import dev.poolscope.feed.LineFeeder;
import dev.poolscope.feed.Pipeline;
import dev.poolscope.findings.FindingConfig;
import dev.poolscope.gate.AlertGate;
import dev.poolscope.io.FileFollower;
import dev.poolscope.io.LineSplitter;
import dev.poolscope.watch.AlertRunner;
import dev.poolscope.watch.FollowMessages;
import dev.poolscope.watch.LiveFindings;
import dev.poolscope.watch.PrometheusFile;
import dev.poolscope.watch.StatusScreen;
import dev.poolscope.watch.Watcher;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** A watcher wired as {@code WatchCommand} wires it, on a real file, a hand-moved clock and string writers. */
public final class WatchRig {
    public static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    public final Path log;
    public final MutableClock clock = new MutableClock(T0);
    public final StringWriter out = new StringWriter();
    public final StringWriter err = new StringWriter();
    public final Watcher watcher;

    public WatchRig(Path log, boolean fromStart, String alertCommand, Path prometheus) {
        this(log, fromStart, alertCommand, prometheus, dev.poolscope.report.Redactor.none());
    }

    /** A rig whose watcher masks log strings with {@code redactor} ({@code watch --redact}). */
    public WatchRig(Path log, boolean fromStart, String alertCommand, Path prometheus,
                    dev.poolscope.report.Redactor redactor) {
        this(log, fromStart, alertCommand, prometheus, redactor, false);
    }

    /** With {@code findings}, the watcher also evaluates the findings live, as {@code WatchCommand} does. */
    public WatchRig(Path log, boolean fromStart, String alertCommand, Path prometheus,
                    dev.poolscope.report.Redactor redactor, boolean findings) {
        this.log = log;
        LiveFindings live = findings ? new LiveFindings(AnalysisOptions.defaults(), FindingConfig.defaults())
                .redacting(redactor) : null;
        StatusScreen screen = new StatusScreen(new PrintWriter(out, true), new PrintWriter(err, true), false, () -> 80);
        LiveAnalysis analysis = new LiveAnalysis(AnalysisOptions.defaults(), Duration.ofMinutes(10));
        InputTally tally = new InputTally();
        EventDecoder decoder = new EventDecoder(Pipeline.FACTORY, FieldMapping.defaults(), EventNames.defaults());
        LineSplitter lines = new LineSplitter(1 << 20, new LineFeeder(log.toString(), decoder,
                new LineSalvage(decoder, Pipeline.FACTORY), e -> {
                    analysis.accept(e);
                    if (live != null) {
                        live.accept(e);
                    }
                }, tally));
        FileFollower follower = new FileFollower(log, fromStart, lines, new FollowMessages(m -> screen.message(redactor.redact(m))));
        AlertRunner runner = alertCommand == null ? null
                : new AlertRunner(alertCommand, Duration.ofSeconds(10), m -> screen.message("poolscope: " + m));
        PrometheusFile metrics = prometheus == null ? null : new PrometheusFile(prometheus, screen::message);
        watcher = new Watcher(new Watcher.Settings(log.toString(), Duration.ofSeconds(10), Duration.ofSeconds(60), false),
                follower, analysis, tally, clock, screen, new AlertGate(Duration.ofMinutes(5)), runner, metrics)
                .redacting(redactor).withFindings(live);
    }

    /** Moves the clock and lets the watcher take one step. */
    public void after(Duration d) {
        clock.advance(d);
        watcher.step();
    }

    public List<String> outLines() {
        return out.toString().lines().toList();
    }

    public List<String> errLines() {
        return err.toString().lines().toList();
    }

    public String lastStatus() {
        List<String> lines = outLines();
        return lines.get(lines.size() - 1);
    }

    public void append(String... lines) throws IOException {
        StringBuilder b = new StringBuilder();
        for (String l : lines) {
            b.append(l).append('\n');
        }
        Files.writeString(log, b, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /** A structlog line as the seed's service writes it; {@code second} counts from {@link #T0}. */
    public static String line(String event, int second, String request, String conn, int used) {
        StringBuilder b = new StringBuilder("{\"event\": \"").append(event).append("\", \"timestamp\": \"")
                .append(T0.plusSeconds(second)).append("\", \"pid\": 7");
        if (request != null) {
            b.append(", \"request_id\": \"").append(request).append("\", \"method\": \"GET\", \"path\": \"/api/items/")
                    .append(second).append('"');
        }
        if (conn != null) {
            b.append(", \"conn_id\": \"").append(conn).append('"');
        }
        if (used >= 0) {
            b.append(String.format(Locale.ROOT, ", \"pool_used\": %d, \"pool_max\": 80", used));
        }
        return b.append('}').toString();
    }

    public static String getconn(int second, String request, String conn, int used) {
        return line("pool.getconn.success", second, request, conn, used);
    }

    public static String putconn(int second, String request, String conn, int used) {
        return line("pool.putconn.success", second, request, conn, used);
    }

    public static String finished(int second, String request) {
        return line("http.request.finished", second, request, null, -1);
    }
}
