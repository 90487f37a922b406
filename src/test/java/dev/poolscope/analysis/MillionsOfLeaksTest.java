package dev.poolscope.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.poolscope.event.EventKind;
import dev.poolscope.event.PoolEvent;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Millions of requests that never return their connection: exact totals, bounded state, capped lists. */
@Tag("slow")   // millions of events: left out of mutation runs (docs/testing.md), run by every build
class MillionsOfLeaksTest {
    private static PoolEvent event(EventKind kind, long micros, String request, long line) {
        return new PoolEvent(kind, micros, "4242", request, request == null ? null : "c" + request,
                PoolEvent.NO_COUNT, PoolEvent.NO_COUNT, "GET /api/projects/{id}", false, false, "log", line);
    }

    private static Diagnosis finish(Analysis a, long lines) {
        return a.finish(new InputSummary(List.of("log"), lines, 0, 0, List.of()));
    }

    @Test
    void twoMillionEndedRequestsKeepOnlyAGracePeriodOfCheckoutsOpen() {
        int requests = 2_000_000;
        long perSecond = 1000;   // one request per millisecond
        Analysis a = new Analysis(AnalysisOptions.defaults());   // grace 60 s, max items 1000
        long maxOpen = 0;
        long line = 0;
        for (int i = 0; i < requests; i++) {
            long t = i * (1_000_000 / perSecond);
            String id = Integer.toString(i, 36);
            a.accept(event(EventKind.CHECKOUT, t, id, ++line));
            a.accept(event(EventKind.REQUEST_END, t, id, ++line));
            maxOpen = Math.max(maxOpen, a.trackedCheckouts());
        }
        Diagnosis d = finish(a, line);
        // requests ended more than 60 s ago are settled: at most 60 s of requests (plus one) stay open
        assertThat(maxOpen).isLessThanOrEqualTo(60 * perSecond + 1);
        assertThat(d.counts().getconn()).isEqualTo(requests);
        assertThat(d.checkouts().leakedCheckouts()).isEqualTo(requests);
        assertThat(d.requestsWithoutClose()).isEqualTo(requests);
        assertThat(d.checkouts().leaksByEndpoint()).isEqualTo(java.util.Map.of("GET /api/projects/{id}", (long) requests));
        assertThat(d.checkouts().settledByLimit()).isZero();
        assertThat(d.checkouts().leaks()).hasSize(1000);
        assertThat(d.checkouts().leaks().get(0).requestId()).isEqualTo("0");        // oldest first
        assertThat(d.checkouts().leaks().get(999).requestId()).isEqualTo(Integer.toString(999, 36));
        assertThat(d.endpoints()).singleElement().satisfies(r -> {
            assertThat(r.checkouts()).isEqualTo(requests);
            assertThat(r.leakedCheckouts()).isEqualTo(requests);
        });
    }

    @Test
    void aLateCheckinWithinTheGracePeriodStillCloses() {
        Analysis a = new Analysis(AnalysisOptions.defaults());
        a.accept(event(EventKind.CHECKOUT, 0, "r1", 1));
        a.accept(event(EventKind.REQUEST_END, 1_000_000, "r1", 2));
        a.accept(event(EventKind.CHECKOUT, 50_000_000, "r2", 3));          // 49 s after r1 ended
        a.accept(event(EventKind.CHECKIN, 59_000_000, "r1", 4));           // teardown returns it late
        a.accept(event(EventKind.CHECKOUT, 200_000_000, "r3", 5));
        a.accept(event(EventKind.CHECKIN, 200_000_001, "r3", 6));
        Diagnosis d = finish(a, 6);
        assertThat(d.checkouts().leakedCheckouts()).isEqualTo(1);   // r2: older than 60 s at the end
        assertThat(d.checkouts().orphanPutconn()).isZero();
    }

    @Test
    void checkoutsThatNeverEndOrAgeArePastTheLimitCountedAndSaidSo() {
        int n = 600_000;
        long limit = 250_000;   // the limit of old; today's is far above what a test can fill quickly
        Analysis a = new Analysis(AnalysisOptions.defaults(), limit);
        long maxOpen = 0;
        for (int i = 0; i < n; i++) {
            a.accept(event(EventKind.CHECKOUT, 5_000_000, Integer.toString(i, 36), i + 1));   // all at one time
            maxOpen = Math.max(maxOpen, a.trackedCheckouts());
        }
        Diagnosis d = finish(a, n);
        var c = d.checkouts();
        assertThat(maxOpen).isLessThanOrEqualTo(limit + 1);
        assertThat(c.settledByLimit()).isPositive();
        assertThat(c.leakedCheckouts()).isEqualTo(c.settledByLimit());   // the rest is young: in flight
        assertThat(c.leakedCheckouts() + c.inFlightCount()).isEqualTo(n);
        assertThat(d.requestsWithoutClose()).isEqualTo(c.settledByLimit());
    }
}
