package dev.poolscope.analysis;

import dev.poolscope.event.EventKind;
import dev.poolscope.event.PoolEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds {@link PoolEvent}s for analysis tests without any JSON: {@code Ev.getconn(12.5).req("r1").conn("c1")}
 * is a checkout 12.5 s after {@link #BASE} in process {@code p1}.
 */
final class Ev {
    static final Instant BASE = Instant.parse("2026-01-06T10:00:00Z");

    private final EventKind kind;
    private final long time;
    private String process = "p1";
    private String requestId;
    private String connId;
    private int used = PoolEvent.NO_COUNT;
    private int max = PoolEvent.NO_COUNT;
    private String endpoint;
    private boolean timeout;
    private boolean exhausted;

    private Ev(EventKind kind, long time) {
        this.kind = kind;
        this.time = time;
    }

    /** Microseconds since the epoch of {@code BASE + seconds}. */
    static long at(double seconds) {
        return BASE.getEpochSecond() * 1_000_000L + Math.round(seconds * 1_000_000);
    }

    static long micros(double seconds) {
        return Math.round(seconds * 1_000_000);
    }

    static Ev getconn(double s) {
        return new Ev(EventKind.CHECKOUT, at(s));
    }

    static Ev putconn(double s) {
        return new Ev(EventKind.CHECKIN, at(s));
    }

    static Ev failed(double s) {
        return new Ev(EventKind.CHECKOUT_FAILED, at(s));
    }

    static Ev nearly(double s) {
        return new Ev(EventKind.NEARLY_EXHAUSTED, at(s));
    }

    static Ev end(double s) {
        return new Ev(EventKind.REQUEST_END, at(s));
    }

    static Ev other(double s) {
        return new Ev(EventKind.OTHER, at(s));
    }

    /** An event whose line had no usable timestamp. */
    static Ev untimed(EventKind kind) {
        return new Ev(kind, PoolEvent.NO_TIME);
    }

    Ev pid(String p) {
        process = p;
        return this;
    }

    Ev req(String r) {
        requestId = r;
        return this;
    }

    Ev conn(String c) {
        connId = c;
        return this;
    }

    Ev used(int u) {
        used = u;
        return this;
    }

    Ev max(int m) {
        max = m;
        return this;
    }

    Ev endpoint(String e) {
        endpoint = e;
        return this;
    }

    Ev timeout() {
        timeout = true;
        return this;
    }

    Ev exhausted() {
        exhausted = true;
        return this;
    }

    PoolEvent build(long line) {
        return new PoolEvent(kind, time, process, requestId, connId, used, max, endpoint, timeout, exhausted,
                "t.jsonl", line);
    }

    /** Runs one analysis over the events, in the order given, numbering them as lines 1, 2, … */
    static Diagnosis analyze(AnalysisOptions options, Ev... events) {
        Analysis a = new Analysis(options);
        for (int i = 0; i < events.length; i++) {
            a.accept(events[i].build(i + 1));
        }
        return a.finish(new InputSummary(List.of("t.jsonl"), events.length, 0, 0, List.of()));
    }

    /** The same events through a summary's pass (SummaryAnalysis), finished as a report would be. */
    static Summary summarize(AnalysisOptions options, Ev... events) {
        SummaryAnalysis a = new SummaryAnalysis(options);
        for (int i = 0; i < events.length; i++) {
            a.accept(events[i].build(i + 1));
        }
        return a.finish(new InputSummary(List.of("t.jsonl"), events.length, 0, 0, List.of()));
    }

    static Diagnosis analyze(Ev... events) {
        return analyze(AnalysisOptions.defaults(), events);
    }

    static List<PoolEvent> build(Ev... events) {
        List<PoolEvent> out = new ArrayList<>();
        for (int i = 0; i < events.length; i++) {
            out.add(events[i].build(i + 1));
        }
        return out;
    }

    static AnalysisOptions options(Duration grace, Duration leakThreshold, Duration mergeGap, Thresholds t) {
        return new AnalysisOptions(grace, leakThreshold, mergeGap, 1000, t);
    }

    /** Defaults except the merge gap and a pool-used critical threshold of {@code criticalAbove}. */
    static AnalysisOptions windows(Duration mergeGap, int criticalAbove) {
        Thresholds d = Thresholds.defaults();
        return options(Duration.ofSeconds(60), Duration.ofSeconds(60), mergeGap,
                new Thresholds(new Threshold(Math.min(1, criticalAbove), criticalAbove), d.leakDelta(),
                        d.requestsWithoutClose()));
    }
}
