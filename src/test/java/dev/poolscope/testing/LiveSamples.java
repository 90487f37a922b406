package dev.poolscope.testing;

import dev.poolscope.analysis.AnalysisOptions;
import dev.poolscope.analysis.LiveAnalysis;
import dev.poolscope.analysis.LiveStatus;
import dev.poolscope.event.EventKind;
import dev.poolscope.event.PoolEvent;
import java.time.Duration;
import java.time.Instant;

/**
 * A small live scenario for report tests, starting at {@link #T0}:
 * t+0 s process web/7 takes connection c1 for request {@code requestId} on GET /api/x (pool_used 75 of 80);
 * t+1 s the request ends without giving it back; t+3 s a statement timeout; first status at t+95 s.
 * Then t+100 s the connection comes back (pool_used 74); second status at t+105 s.
 * The merge gap is 2 minutes so that the usage stated at t+0 s still counts at t+95 s: with the default
 * (a 60 s staleness bound, docs/metrics.md) that silent process's usage would be unknown by then.
 */
public final class LiveSamples {
    public static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    public static final long S = 1_000_000L;
    public static final long T0_MICROS = T0.getEpochSecond() * S;

    private static final AnalysisOptions OPTIONS = new AnalysisOptions(Duration.ofSeconds(60), Duration.ofSeconds(60),
            Duration.ofMinutes(2), 1000, AnalysisOptions.defaults().thresholds());

    public final LiveAnalysis live = new LiveAnalysis(OPTIONS, Duration.ofMinutes(10));
    public final LiveStatus first;
    public final LiveStatus second;

    public LiveSamples(String requestId) {
        live.accept(event(EventKind.CHECKOUT, 0, requestId, "c1", 75, "GET /api/x", false));
        live.accept(event(EventKind.REQUEST_END, 1, requestId, null, -1, "GET /api/x", false));
        live.accept(event(EventKind.OTHER, 3, requestId, null, -1, null, true));
        first = live.status(T0_MICROS + 95 * S);
        live.accept(event(EventKind.CHECKIN, 100, requestId, "c1", 74, null, false));
        second = live.status(T0_MICROS + 105 * S);
    }

    private static PoolEvent event(EventKind kind, long second, String request, String conn, int used, String endpoint,
                                   boolean timeout) {
        return new PoolEvent(kind, T0_MICROS + second * S, "web/7", request, conn, used, used < 0 ? -1 : 80, endpoint,
                timeout, false, "app.jsonl", second + 1);
    }
}
