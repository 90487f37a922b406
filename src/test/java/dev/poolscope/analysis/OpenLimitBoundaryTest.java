package dev.poolscope.analysis;

import static dev.poolscope.analysis.Ev.getconn;
import static dev.poolscope.analysis.Ev.putconn;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The last-resort limit on open checkouts, lowered to 4 here. docs/robustness.md, "Adversarial input": "Up to
 * the limit every figure is exact; past it the oldest half — by a median of sampled times — is counted as
 * leaks ({@code leaks.settled_by_limit} ...); a checkin arriving later for one of them counts as an orphan
 * putconn." The limit is checked as checkouts arrive.
 */
class OpenLimitBoundaryTest {
    private static final long LIMIT = 4;

    private static Diagnosis analyze(Ev... events) {
        Analysis a = new Analysis(AnalysisOptions.defaults(), LIMIT);
        List<dev.poolscope.event.PoolEvent> built = Ev.build(events);
        built.forEach(a::accept);
        return a.finish(new InputSummary(List.of("t.jsonl"), events.length, 0, 0, List.of()));
    }

    @Test
    void exactlyTheLimitOpenIsKeptWhole() {
        CheckoutResult c = analyze(getconn(1).req("r1").conn("A"), getconn(2).req("r2").conn("B"),
                getconn(3).req("r3").conn("C"), getconn(4).req("r4").conn("D")).checkouts();
        assertThat(c.settledByLimit()).isZero();
        assertThat(c.leakedCheckouts()).isZero();
        assertThat(c.inFlightCount()).isEqualTo(4);   // all young at the end (t = 4 s)
    }

    @Test
    void oneMoreThanTheLimitSettlesTheOldestHalfAsLeaks() {
        // 5 open > 4: half of 5 is 2; the median of 1..5 s is 3 s; A and B (older) are settled
        CheckoutResult c = analyze(getconn(1).req("r1").conn("A"), getconn(2).req("r2").conn("B"),
                getconn(3).req("r3").conn("C"), getconn(4).req("r4").conn("D"), getconn(5).req("r5").conn("E"),
                putconn(6).req("r1").conn("A"),         // too late: A was settled, so this is an orphan
                putconn(6).req("r3").conn("C")).checkouts();
        assertThat(c.settledByLimit()).isEqualTo(2);
        assertThat(c.leakedCheckouts()).isEqualTo(2);
        assertThat(c.leaks()).extracting(LeakItem::connId).containsExactly("A", "B");
        assertThat(c.requestsWithoutClose()).isEqualTo(2);
        assertThat(c.orphanPutconn()).isEqualTo(1);
        assertThat(c.inFlight()).extracting(LeakItem::connId).containsExactly("D", "E");
        assertThat(c.holdTimes().histogram().getTotalCount()).isEqualTo(1);   // C's
    }

    @Test
    void checkoutsAtTheMedianTimeFillTheHalfInArrivalOrder() {
        // times 1, 2, 2, 2, 3 s: the median is 2 s; A is older, then the first at 2 s (B) completes the half
        CheckoutResult c = analyze(getconn(1).req("r1").conn("A"), getconn(2).req("r2").conn("B"),
                getconn(2).req("r3").conn("C"), getconn(2).req("r4").conn("D"), getconn(3).req("r5").conn("E"))
                .checkouts();
        assertThat(c.settledByLimit()).isEqualTo(2);
        assertThat(c.leaks()).extracting(LeakItem::connId).containsExactly("A", "B");
        assertThat(c.inFlight()).extracting(LeakItem::connId).containsExactly("C", "D", "E");
    }
}
