package dev.poolscope.analysis;

import static dev.poolscope.analysis.Ev.at;
import static dev.poolscope.analysis.Ev.end;
import static dev.poolscope.analysis.Ev.failed;
import static dev.poolscope.analysis.Ev.getconn;
import static dev.poolscope.analysis.Ev.micros;
import static dev.poolscope.analysis.Ev.other;
import static dev.poolscope.analysis.Ev.putconn;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The {@code --grace} boundary (default 60 s) everywhere the engine ages an open checkout against it. */
class GraceBoundaryTest {
    private static final AnalysisOptions DEFAULTS = AnalysisOptions.defaults();

    /**
     * docs/metrics.md, "Leaks and checkouts in flight": a checkout is a leak when "it is <b>older than
     * {@code --grace}</b> ... age = end of the log − getconn time, strictly greater than the grace", and
     * "A checkout exactly {@code --grace} old is still in flight."
     */
    private static Ev[] endOfLog() {
        return new Ev[] {
            getconn(9.999999).req("r1").conn("A"),   // 60.000001 s old at the end: a leak
            getconn(10).req("r2").conn("B"),         // exactly 60 s old: in flight
            other(70)};                              // the end of the log
    }

    @Test
    void atTheEndOfTheLogExactlyGraceOldIsInFlightOneMicrosecondMoreIsALeak() {
        CheckoutResult c = Ev.analyze(endOfLog()).checkouts();
        assertThat(c.leakedCheckouts()).isEqualTo(1);
        assertThat(c.leaks()).singleElement().satisfies(l -> {
            assertThat(l.connId()).isEqualTo("A");
            assertThat(l.ageMicros()).isEqualTo(micros(60.000001));
        });
        assertThat(c.requestsWithoutClose()).isEqualTo(1);
        assertThat(c.inFlightCount()).isEqualTo(1);
        assertThat(c.inFlight()).extracting(LeakItem::connId).containsExactly("B");
    }

    @Test
    void aSummarySplitsLeaksFromCheckoutsInFlightAtTheSameBoundary() {
        Summary.Finished f = Ev.summarize(DEFAULTS, endOfLog()).finish();
        assertThat(f.leaks()).extracting(LeakItem::connId).containsExactly("A");
        assertThat(f.diagnosis().checkouts().leakedCheckouts()).isEqualTo(1);
        assertThat(f.diagnosis().checkouts().inFlightCount()).isEqualTo(1);
        assertThat(f.diagnosis().checkouts().requestsWithoutClose()).isEqualTo(1);
    }

    /**
     * docs/robustness.md, "Adversarial input": "once a request has ended and the grace period has passed, its
     * still-open checkouts are counted as leaks and forgotten", and "A checkin arriving after its request
     * ended, within the grace period | still closes its checkout". Settling runs on checkouts and request
     * ends; here r2's getconn comes exactly 60 s after r1's end, so r1's checkout is still there to close.
     */
    @Test
    void aCheckinExactlyGraceAfterItsRequestEndedStillClosesIt() {
        CheckoutResult c = Ev.analyze(
                getconn(0).req("r1").conn("A"),
                end(1).req("r1"),
                getconn(61).req("r2").conn("B"),
                putconn(61).req("r1").conn("A"),
                putconn(62).req("r2").conn("B")).checkouts();
        assertThat(c.leakedCheckouts()).isZero();
        assertThat(c.orphanPutconn()).isZero();
        assertThat(c.holdTimes().histogram().getTotalCount()).isEqualTo(2);
    }

    @Test
    void oneMicrosecondLaterTheCheckoutWasSettledAsALeakAndTheCheckinIsAnOrphan() {
        CheckoutResult c = Ev.analyze(
                getconn(0).req("r1").conn("A").endpoint("GET /a"),
                end(1).req("r1"),
                getconn(61.000001).req("r2").conn("B"),
                putconn(61.000001).req("r1").conn("A"),
                putconn(62).req("r2").conn("B")).checkouts();
        assertThat(c.leakedCheckouts()).isEqualTo(1);
        assertThat(c.requestsWithoutClose()).isEqualTo(1);
        assertThat(c.leaks()).singleElement().satisfies(l -> {
            assertThat(l.connId()).isEqualTo("A");
            assertThat(l.requestEnded()).isTrue();
        });
        assertThat(c.leaksByEndpoint()).containsEntry("GET /a", 1L);
        assertThat(c.orphanPutconn()).isEqualTo(1);
        assertThat(c.holdTimes().histogram().getTotalCount()).isEqualTo(1);   // only B's
    }

    /**
     * docs/findings.md, pool-exhausted-by-leaks: connections "<i>never returned</i>: held by requests that had
     * already ended, or for longer than {@code --grace}". At the failure (t = 61 s) A has been held 61 s,
     * B exactly 60 s, C 1 s but its request has ended.
     */
    @Test
    void whenThePoolRunsDryOnlyCheckoutsHeldLongerThanGraceOrEndedAreNeverReturned() {
        Diagnosis d = Ev.analyze(
                getconn(0).req("r1").conn("A"),
                getconn(1).req("r2").conn("B"),
                getconn(60).req("r3").conn("C"),
                end(60.5).req("r3"),
                failed(61).req("r4"));
        ExhaustionResult x = d.evidence().exhaustion();
        assertThat(x.looks()).isEqualTo(1);
        assertThat(x.held()).isEqualTo(3);
        assertThat(x.neverReturned()).isEqualTo(2);   // A (61 s > 60 s) and C (ended); not B (exactly 60 s)
        assertThat(x.firstAt()).isEqualTo(at(61));
    }

    /**
     * docs/watch.md, the health table of watch: "requests without close | requests holding a checkout after
     * their end, or for longer than {@code --grace}".
     */
    @Test
    void liveModeCountsARequestWithoutCloseOnlyPastTheGrace() {
        LiveAnalysis live = new LiveAnalysis(DEFAULTS, Duration.ofHours(1));
        live.accept(getconn(0).req("r1").conn("A").build(1));
        live.accept(getconn(0.5).req("r2").conn("B").build(2));
        assertThat(live.status(at(60)).requestsWithoutClose()).isZero();             // A exactly 60 s old
        assertThat(live.status(at(60.000001)).requestsWithoutClose()).isEqualTo(1);  // A older than 60 s
        assertThat(live.status(at(60.500001)).requestsWithoutClose()).isEqualTo(2);  // and B
    }

    @Test
    void graceIsAnOptionWithTheSameStrictBoundary() {
        AnalysisOptions five = Ev.options(Duration.ofSeconds(5), Duration.ofSeconds(60), Duration.ofSeconds(5),
                Thresholds.defaults());
        CheckoutResult c = Ev.analyze(five,
                getconn(0).req("r1").conn("A"),       // 5.000001 s old at the end
                getconn(0.000001).req("r2").conn("B"),  // exactly 5 s old
                other(5.000001)).checkouts();
        assertThat(c.leaks()).extracting(LeakItem::connId).containsExactly("A");
        assertThat(c.inFlight()).extracting(LeakItem::connId).containsExactly("B");
    }
}
