package dev.poolscope.watch;

import dev.poolscope.analysis.InputSummary;
import dev.poolscope.analysis.InputTally;
import dev.poolscope.analysis.LeakNotice;
import dev.poolscope.analysis.LiveAnalysis;
import dev.poolscope.analysis.LiveStatus;
import dev.poolscope.event.PoolEvent;
import dev.poolscope.findings.Finding;
import dev.poolscope.gate.Alert;
import dev.poolscope.gate.AlertGate;
import dev.poolscope.io.Follower;
import dev.poolscope.report.Redactor;
import dev.poolscope.report.watch.AlertJson;
import dev.poolscope.report.watch.LiveRedaction;
import dev.poolscope.report.watch.PrometheusText;
import dev.poolscope.report.watch.StatusLine;
import dev.poolscope.report.watch.WatchMessages;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The watch loop: read what the log gained, and every interval print a status line, leak notices and
 * alerts, and rewrite the metrics file. The clock is injected and {@link #step} never waits, so tests
 * drive it with a hand-moved clock and no sleeping.
 * <p>
 * Ages are measured on the log's clock, not the watcher's: "now" is the newest event time read, plus
 * the wall time since it was read. That keeps ages right when the log's host clock differs from ours,
 * when catching up on an old file ({@code --from-start}), and still lets them grow while a stuck
 * service logs nothing.
 */
public final class Watcher {
    /** Bytes read per step, so a long catch-up still lets status lines through. */
    static final long READ_BUDGET = 8L << 20;

    public record Settings(String log, Duration interval, Duration leakThreshold, boolean color) {}

    private final Settings settings;
    private final Follower follower;
    private final LiveAnalysis analysis;
    private final InputTally tally;
    private final Clock clock;
    private final StatusScreen screen;
    private final AlertGate gate;
    private final AlertRunner runner;
    private final PrometheusFile prometheus;
    private final Instant started;
    private Instant nextStatus;
    private Instant previousAt;
    private LiveStatus previous;
    private long eventTimeSeen = PoolEvent.NO_TIME;
    private long wallAtEvent;
    private String readError;
    private Redactor redactor = Redactor.none();
    /** The findings evaluated live, or null when not asked for. */
    private LiveFindings findings;
    /** The log's name as printed, sent and used as the Prometheus label: masked too under --redact. */
    private String logName;

    /** {@code runner} and {@code prometheus} may be null when not asked for. */
    public Watcher(Settings settings, Follower follower, LiveAnalysis analysis, InputTally tally, Clock clock,
            StatusScreen screen, AlertGate gate, AlertRunner runner, PrometheusFile prometheus) {
        this.settings = settings;
        this.follower = follower;
        this.analysis = analysis;
        this.tally = tally;
        this.clock = clock;
        this.screen = screen;
        this.gate = gate;
        this.runner = runner;
        this.prometheus = prometheus;
        this.started = clock.instant();
        this.logName = settings.log();
        this.nextStatus = started;
    }

    /** Masks every log string this watcher prints or sends ({@code --redact}); returns this. */
    public Watcher redacting(Redactor r) {
        this.redactor = r;
        this.logName = r.redact(settings.log());
        return this;
    }

    /** Alerts when a finding first reaches critical (issue #17); {@code f} must be fed the same events. */
    public Watcher withFindings(LiveFindings f) {
        this.findings = f;
        return this;
    }

    /** Reads what is new (up to a budget) and prints a status if one is due; returns the bytes read. */
    public long step() {
        long n = read();
        Instant now = clock.instant();
        if (!now.isBefore(nextStatus)) {
            status(now);
            nextStatus = nextStatus.plus(settings.interval());
            if (!nextStatus.isAfter(now)) {
                nextStatus = now.plus(settings.interval());   // fell behind (a long catch-up): do not burst
            }
        }
        return n;
    }

    /**
     * Steps until {@code stop} opens or the input ends (standard input closed), resting {@code poll}
     * whenever the log had nothing new; true when the input ended.
     */
    public boolean run(CountDownLatch stop, Duration poll) throws InterruptedException {
        while (stop.getCount() > 0) {
            if (follower.ended()) {
                return true;
            }
            if (step() == 0) {
                stop.await(poll.toMillis(), TimeUnit.MILLISECONDS);
            }
        }
        return false;
    }

    /** True once the input can never grow again. */
    public boolean inputEnded() {
        return follower.ended();
    }

    /** Reads what is left, prints a last status and the summary, and waits briefly for alert commands. */
    public LiveStatus finish(Duration alertWait) {
        read();
        Instant now = clock.instant();
        LiveStatus last = status(now);
        if (runner != null) {
            runner.close(alertWait);
        }
        InputSummary input = tally.finish();
        screen.end();
        for (String line : WatchMessages.summary(last, logName, Duration.between(started, now), input.lines(),
                input.malformedLines(), gate.sent(), gate.suppressed())) {
            screen.println(line);
        }
        if (findings != null) {
            List<String> ids = findings.alerted();
            screen.println("  findings that reached critical: " + (ids.isEmpty() ? "none" : String.join(", ", ids)));
        }
        return last;
    }

    private long read() {
        try {
            long n = follower.poll(READ_BUDGET);
            if (readError != null) {
                screen.message("reading " + logName + " works again");
                readError = null;
            }
            long t = analysis.lastEventTime();
            if (t != eventTimeSeen) {
                eventTimeSeen = t;
                wallAtEvent = micros(clock.instant());
            }
            return n;
        } catch (IOException e) {
            String message = "cannot read " + logName + ": " + describe(e);
            if (!message.equals(readError)) {
                screen.message(message + " (will retry)");
            }
            readError = message;
            return 0;
        }
    }

    private LiveStatus status(Instant now) {
        long wall = micros(now);
        LiveStatus s = LiveRedaction.apply(analysis.status(eventTimeSeen == PoolEvent.NO_TIME ? PoolEvent.NO_TIME
                : eventTimeSeen + Math.max(0, wall - wallAtEvent)), redactor);
        String stamp = now.truncatedTo(ChronoUnit.SECONDS) + " ";
        for (LeakNotice n : s.notices()) {
            screen.message(stamp + WatchMessages.notice(n, settings.leakThreshold()));
        }
        if (s.noticesOmitted() > 0) {
            screen.message(stamp + "… and " + s.noticesOmitted() + " more leak notices in this interval");
        }
        Alert alert = gate.offer(s.level(), wall);
        if (alert != null) {
            screen.message(stamp + WatchMessages.alert(alert, s));
            if (runner != null) {
                runner.submit(AlertJson.json(alert, s, logName), AlertJson.environment(alert, s, logName));
            }
        }
        if (findings != null) {
            for (Finding f : findings.newlyCritical(tally.finish())) {
                screen.message(stamp + WatchMessages.findingLine(f));
                if (runner != null) {
                    runner.submit(AlertJson.finding(f, wall, s, logName), AlertJson.environment(f, wall, s, logName));
                }
            }
        }
        Duration since = Duration.between(previousAt == null ? started : previousAt, now);
        screen.status(StatusLine.format(s, previous, now, since, screen.width(), settings.color()));
        if (prometheus != null) {
            InputSummary input = tally.finish();
            prometheus.write(PrometheusText.format(s, logName, input.lines(), input.malformedLines(), gate.sent()));
        }
        previous = s;
        previousAt = now;
        return s;
    }

    static String describe(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        } else if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        return String.valueOf(e.getMessage());
    }

    private static long micros(Instant t) {
        return t.getEpochSecond() * 1_000_000L + t.getNano() / 1_000;
    }
}
