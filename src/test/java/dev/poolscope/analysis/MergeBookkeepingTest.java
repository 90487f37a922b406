package dev.poolscope.analysis;

import static dev.poolscope.analysis.Ev.failed;
import static dev.poolscope.analysis.Ev.getconn;
import static dev.poolscope.analysis.Ev.other;
import static dev.poolscope.analysis.Ev.putconn;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The pairing's bookkeeping across a summary seam (docs/summaries.md, "What makes it equal to one pass"):
 * orphan checkins, exhaustion looks placed among the boundary events, the cap on listed orphans and on
 * distinct endpoints. Each expected figure is counted by hand from the events built here.
 */
class MergeBookkeepingTest {
    private static final AnalysisOptions DEFAULTS = AnalysisOptions.defaults();   // --grace 60 s

    @Test
    void aLaterOrphanThatFindsItsCheckoutIsNoOrphanAndOneThatDoesNotCountsOnce() {
        // "A merge replays the later summary's orphans against the earlier one's open checkouts ...
        // what stays unmatched stays an orphan"
        Summary first = Ev.summarize(DEFAULTS, getconn(0).req("r1").conn("A"));
        Summary second = Ev.summarize(DEFAULTS,
                putconn(10).req("r1").conn("A"),     // an orphan here, returns day 1's checkout in the merge
                putconn(20).req("r2").conn("B"));    // no checkout anywhere: an orphan in both
        assertThat(second.pairing().orphans()).isEqualTo(2);
        CheckoutResult merged = first.merge(second).finish().diagnosis().checkouts();
        assertThat(merged.orphanPutconn()).isEqualTo(1);
        assertThat(merged.leakedCheckouts()).isZero();
        assertThat(merged.holdTimes().histogram().getTotalCount()).isEqualTo(1);   // A, held 10 s
        // one pass over the same events agrees
        CheckoutResult onePass = Ev.analyze(getconn(0).req("r1").conn("A"), putconn(10).req("r1").conn("A"),
                putconn(20).req("r2").conn("B")).checkouts();
        assertThat(onePass.orphanPutconn()).isEqualTo(1);
    }

    @Test
    void aMergeOfThreeKeepsTheOrphanForTheEarliestSummary() {
        // "what stays unmatched stays an orphan for a merge with an even earlier summary"
        Summary a = Ev.summarize(DEFAULTS, getconn(0).req("r1").conn("A"));
        Summary b = Ev.summarize(DEFAULTS, other(5));
        Summary c = Ev.summarize(DEFAULTS, putconn(10).req("r1").conn("A"));
        Summary bc = b.merge(c);
        assertThat(bc.pairing().orphans()).isEqualTo(1);
        assertThat(bc.pairing().boundary()).hasSize(1);
        CheckoutResult all = a.merge(bc).finish().diagnosis().checkouts();
        assertThat(all.orphanPutconn()).isZero();
        assertThat(all.leakedCheckouts()).isZero();
    }

    @Test
    void aLaterLookSeesTheEarlierCheckoutsStillOpenAtThatMoment() {
        // "a merge adds, at each later look, the earlier summaries' checkouts still open at that moment (and
        // whether they were never returned)": day 2 fails a checkout at 100 s, then returns day 1's A at 101 s.
        Summary first = Ev.summarize(DEFAULTS, getconn(0).req("r1").conn("A"));
        Summary second = Ev.summarize(DEFAULTS, failed(100), putconn(101).req("r1").conn("A"));
        ExhaustionResult x = first.merge(second).finish().diagnosis().evidence().exhaustion();
        assertThat(x.looks()).isEqualTo(1);
        assertThat(x.held()).isEqualTo(1);             // A was still held at 100 s
        assertThat(x.neverReturned()).isEqualTo(1);    // and 100 s old, more than the 60 s grace
        // the same look after the return sees nothing held
        Summary returnedFirst = Ev.summarize(DEFAULTS, putconn(99).req("r1").conn("A"), failed(100));
        ExhaustionResult y = first.merge(returnedFirst).finish().diagnosis().evidence().exhaustion();
        assertThat(y.looks()).isEqualTo(1);
        assertThat(y.held()).isZero();
    }

    @Test
    void orphansPastTheListLimitAreCountedNotedAndCarriedThroughAMerge() {
        // docs/summaries.md: "more than 100,000 orphan checkins in one summary ... the rest cannot close earlier
        // checkouts", said in the summary's notes
        int extra = 3;
        List<Ev> events = new ArrayList<>();
        for (int i = 0; i < CheckoutTracker.BOUNDARY_LIMIT + extra; i++) {
            events.add(putconn(1 + i / 1000.0).req("r" + i).conn("c" + i));
        }
        Summary s = Ev.summarize(DEFAULTS, events.toArray(Ev[]::new));
        assertThat(s.pairing().orphans()).isEqualTo(CheckoutTracker.BOUNDARY_LIMIT + extra);
        assertThat(s.pairing().boundary()).hasSize(CheckoutTracker.BOUNDARY_LIMIT);
        assertThat(s.pairing().unlisted()).isEqualTo(extra);
        // (the other note: these checkins report no pool_used, docs/summaries.md's head limit)
        assertThat(s.notes()).contains(
                extra + " unmatched checkins beyond 100000 were not kept; they cannot close checkouts of earlier summaries");
        // after an earlier summary (whose open checkout nothing returns) the count and the note stay
        Summary merged = Ev.summarize(DEFAULTS, getconn(0).req("x").conn("x")).merge(s);
        assertThat(merged.pairing().unlisted()).isEqualTo(extra);
        assertThat(merged.finish().diagnosis().checkouts().orphanPutconn())
                .isEqualTo(CheckoutTracker.BOUNDARY_LIMIT + extra);
    }

    @Test
    void theFirst2000EndpointsKeepTheirNamesTheRestShareOne() {
        // docs/metrics.md: "past 2,000 distinct endpoints the rest are grouped as (other endpoints)"
        List<Ev> events = new ArrayList<>();
        for (int i = 0; i < Endpoint.MAX_DISTINCT + 2; i++) {
            String r = "r" + i;
            events.add(getconn(i).req(r).conn("c").endpoint("GET /e" + i));
            events.add(putconn(i + 0.5).req(r).conn("c"));
        }
        CheckoutResult c = Ev.analyze(events.toArray(Ev[]::new)).checkouts();
        assertThat(c.endpoints()).hasSize(Endpoint.MAX_DISTINCT + 1)
                .containsKey("GET /e1999").doesNotContainKey("GET /e2000");
        assertThat(c.endpoints().get(Endpoint.OTHER).checkouts).isEqualTo(2);
        // exactly 2,000: no group of others
        CheckoutResult exact = Ev.analyze(events.subList(0, 2 * Endpoint.MAX_DISTINCT).toArray(Ev[]::new))
                .checkouts();
        assertThat(exact.endpoints()).hasSize(Endpoint.MAX_DISTINCT).doesNotContainKey(Endpoint.OTHER);
    }
}
