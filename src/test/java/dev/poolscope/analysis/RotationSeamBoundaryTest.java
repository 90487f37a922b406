package dev.poolscope.analysis;

import static dev.poolscope.analysis.Ev.end;
import static dev.poolscope.analysis.Ev.getconn;
import static dev.poolscope.analysis.Ev.other;
import static dev.poolscope.analysis.Ev.putconn;
import static org.assertj.core.api.Assertions.assertThat;

import dev.poolscope.event.EventKind;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

/**
 * Joining two summaries of consecutive logs (rotated segments, days). docs/summaries.md, "Merge semantics":
 * "A summary also keeps the request-end events of its first {@code --grace} ..., so an earlier summary's open
 * checkout whose request ended early in the next one is a leak, as in one pass", and the documented
 * difference: "a leak's request ended more than {@code --grace} into the later summary | that leak's
 * {@code request_ended} reads false (it is still a leak: it is old by then)".
 */
class RotationSeamBoundaryTest {
    private static final AnalysisOptions DEFAULTS = AnalysisOptions.defaults();   // --grace 60s

    @Test
    void requestEndsUpToExactlyGraceIntoASummaryAreKeptForTheMerge() {
        // the later log starts at 100 s: r1 ends exactly 60 s into it, r2 60 s + 1 µs
        Summary later = Ev.summarize(DEFAULTS, other(100), end(160).req("r1"), end(160.000001).req("r2"), other(161));
        assertThat(later.pairing().boundary()).singleElement().satisfies(b -> {
            assertThat(b.kind()).isEqualTo(EventKind.REQUEST_END);
            assertThat(b.requestId()).isEqualTo("r1");
        });
    }

    @Test
    void anEarlierCheckoutWhoseRequestEndedWithinTheGraceIsAnEndedLeak() {
        Summary earlier = Ev.summarize(DEFAULTS, getconn(90).req("r1").conn("A"), getconn(90).req("r2").conn("B"));
        Summary later = Ev.summarize(DEFAULTS, other(100), end(160).req("r1"), end(160.000001).req("r2"), other(161));
        CheckoutResult c = earlier.merge(later).finish().diagnosis().checkouts();
        assertThat(c.leakedCheckouts()).isEqualTo(2);   // both 71 s old at the end, older than the grace
        assertThat(c.leaks()).extracting(LeakItem::connId, LeakItem::requestEnded)
                .containsExactlyInAnyOrder(Tuple.tuple("A", true),
                        Tuple.tuple("B", false));
        assertThat(c.requestsWithoutClose()).isEqualTo(2);
        // Only the flag can differ at this boundary: a checkout taken before the later log started is older
        // than the grace by the time of any end kept (≤ grace into the log) or dropped (> grace), so it leaks.
    }

    @Test
    void aCheckoutReturnedAfterTheSeamIsPairedNotLeaked() {
        // docs/summaries.md: "a checkout taken at the end of app.jsonl.1 and returned at the start of app.jsonl
        // is paired, not a leak"
        Summary earlier = Ev.summarize(DEFAULTS, getconn(10).req("r1").conn("A"));
        Summary later = Ev.summarize(DEFAULTS, putconn(100).req("r1").conn("A"), other(101));
        CheckoutResult c = earlier.merge(later).finish().diagnosis().checkouts();
        assertThat(c.leakedCheckouts()).isZero();
        assertThat(c.orphanPutconn()).isZero();
        assertThat(c.longHoldCount()).isEqualTo(1);   // 90 s > --leak-threshold 60 s
    }
}
