package dev.poolscope.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.poolscope.event.EventKind;
import dev.poolscope.event.PoolEvent;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * More open checkouts than the old last-resort limit (250,000), none ever returned: the exact split
 * between leaks (older than the grace period at the end) and in flight, with nothing settled by the limit.
 * The expected figures follow from how the log is made, not from a run.
 */
@Tag("slow")   // 300,000 checkouts: left out of mutation runs (docs/testing.md), run by every build
class BeyondTheOldLimitTest {
    private static final int N = 300_000;
    private static final long STEP = 1_000;              // one checkout per millisecond
    private static final long GRACE = 60_000_000;        // the default grace period, 60 s
    private static final String[] ROUTES = {"GET /a", "GET /b", "POST /c"};

    private static PoolEvent checkout(int i) {
        return new PoolEvent(EventKind.CHECKOUT, i * STEP, "web/" + i % 8, OpenCheckoutsTest.uuid(i),
                Long.toString(139_700_565_699_584L + i * 64L), PoolEvent.NO_COUNT, PoolEvent.NO_COUNT,
                ROUTES[i % 3], false, false, "app.log", i + 1L);
    }

    @Test
    void everyOpenCheckoutIsKeptAndSplitExactly() {
        Analysis a = new Analysis(AnalysisOptions.defaults());
        for (int i = 0; i < N; i++) {
            a.accept(checkout(i));
        }
        assertThat(a.trackedCheckouts()).isEqualTo(N);
        Diagnosis d = a.finish(new InputSummary(List.of("app.log"), N, 0, 0, List.of()));
        CheckoutResult c = d.checkouts();
        long last = (N - 1) * STEP;
        // a leak is older than the grace period at the last timestamp: i * STEP < last - GRACE
        long leaks = (last - GRACE + STEP - 1) / STEP;
        assertThat(leaks).isEqualTo(239_999);
        assertThat(c.settledByLimit()).isZero();
        assertThat(c.leakedCheckouts()).isEqualTo(leaks);
        assertThat(c.inFlightCount()).isEqualTo(N - leaks);
        assertThat(d.requestsWithoutClose()).isEqualTo(leaks);   // one checkout per request
        for (int r = 0; r < 3; r++) {
            int route = r;
            long expected = (leaks - route + 2) / 3;   // i < leaks with i % 3 == route
            assertThat(c.leaksByEndpoint().get(ROUTES[route])).isEqualTo(expected);
            assertThat(d.endpoints()).filteredOn(e -> e.endpoint().equals(ROUTES[route]))
                    .singleElement().satisfies(e -> assertThat(e.checkouts()).isEqualTo((N - route + 2) / 3));
        }
        // the items: the oldest 1000 of each kind, oldest first
        assertThat(c.leaks()).hasSize(1000);
        assertThat(c.leaks().get(0).requestId()).isEqualTo(OpenCheckoutsTest.uuid(0));
        assertThat(c.leaks().get(999).line()).isEqualTo(1000);
        assertThat(c.leaks().get(999).connId()).isEqualTo(Long.toString(139_700_565_699_584L + 999 * 64L));
        assertThat(c.inFlight()).hasSize(1000);
        assertThat(c.inFlight().get(0).acquiredAt()).isEqualTo(leaks * STEP);
        assertThat(c.inFlight().get(0).ageMicros()).isEqualTo(last - leaks * STEP);
    }

    @Test
    void checkinsAndEndsAmongThemStillPairExactly() {
        Analysis a = new Analysis(AnalysisOptions.defaults());
        long returned = 0;
        long ended = 0;
        for (int i = 0; i < N; i++) {
            a.accept(checkout(i));
            if (i % 10 == 3) {   // returned 5 ms later, by connection alone
                PoolEvent c = checkout(i);
                a.accept(new PoolEvent(EventKind.CHECKIN, c.time() + 5_000, c.process(), null, c.connId(),
                        PoolEvent.NO_COUNT, PoolEvent.NO_COUNT, null, false, false, "app.log", i + 1L));
                returned++;
            } else if (i % 10 == 7) {   // its request ends without returning it: a leak however young
                PoolEvent c = checkout(i);
                a.accept(new PoolEvent(EventKind.REQUEST_END, c.time(), c.process(), c.requestId(), null,
                        PoolEvent.NO_COUNT, PoolEvent.NO_COUNT, c.endpoint(), false, false, "app.log", i + 1L));
                ended++;
            }
        }
        Diagnosis d = a.finish(new InputSummary(List.of("app.log"), N, 0, 0, List.of()));
        CheckoutResult c = d.checkouts();
        long last = Math.max((N - 1) * STEP, (N - 7) * STEP + 5_000);   // last checkout, or last checkin
        long oldBound = (last - GRACE + STEP - 1) / STEP;   // checkouts i < oldBound are older than the grace
        long youngEnded = 0;
        long youngOther = 0;
        for (long i = oldBound; i < N; i++) {
            youngEnded += i % 10 == 7 ? 1 : 0;
            youngOther += i % 10 != 7 && i % 10 != 3 ? 1 : 0;
        }
        long open = N - returned;
        assertThat(c.settledByLimit()).isZero();
        assertThat(c.orphanPutconn()).isZero();
        assertThat(c.inFlightCount()).isEqualTo(youngOther);
        assertThat(c.leakedCheckouts()).isEqualTo(open - youngOther);
        assertThat(d.requestsWithoutClose()).isEqualTo(open - youngOther);
        assertThat(ended).isEqualTo(N / 10);
        assertThat(d.counts().getconn()).isEqualTo(N);
        assertThat(youngEnded).isPositive();
    }
}
