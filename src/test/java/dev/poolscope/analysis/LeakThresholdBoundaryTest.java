package dev.poolscope.analysis;

import static dev.poolscope.analysis.Ev.at;
import static dev.poolscope.analysis.Ev.getconn;
import static dev.poolscope.analysis.Ev.micros;
import static dev.poolscope.analysis.Ev.other;
import static dev.poolscope.analysis.Ev.putconn;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The {@code --leak-threshold} boundary, in each of the tracker's lifecycles. docs/metrics.md, "Long holds":
 * "A checkout returned after <b>more than {@code --leak-threshold}</b> (default 60 s ...) is a <b>long hold</b>".
 * So a hold of exactly the threshold is not one, and one microsecond more is.
 */
class LeakThresholdBoundaryTest {
    private static final AnalysisOptions DEFAULTS = AnalysisOptions.defaults();   // --leak-threshold 60s

    /** A held exactly 60 s, B 60 s + 1 µs, C 59.999999 s: only B is long. */
    private static Ev[] holds() {
        return new Ev[] {
            getconn(0).req("rA").conn("A").endpoint("GET /a"),
            getconn(1).req("rB").conn("B").endpoint("GET /b"),
            getconn(2).req("rC").conn("C").endpoint("GET /c"),
            putconn(60).req("rA").conn("A"),
            putconn(61.000001).req("rB").conn("B"),
            putconn(61.999999).req("rC").conn("C")};
    }

    @Test
    void aHoldOfExactlyTheThresholdIsNotLongOneMicrosecondMoreIs() {
        CheckoutResult c = Ev.analyze(holds()).checkouts();
        assertThat(c.longHoldCount()).isEqualTo(1);
        assertThat(c.longHolds()).singleElement().satisfies(h -> {
            assertThat(h.connId()).isEqualTo("B");
            assertThat(h.endpoint()).isEqualTo("GET /b");
            assertThat(h.heldMicros()).isEqualTo(micros(60.000001));
        });
        // all three are returned checkouts with their hold times, long or not
        assertThat(c.holdTimes().histogram().getTotalCount()).isEqualTo(3);
        assertThat(c.holdTimes().max()).isEqualTo(micros(60.000001));
        assertThat(c.endpoints()).containsOnlyKeys("GET /a", "GET /b", "GET /c");
    }

    @Test
    void theThresholdIsAnOptionWithTheSameStrictBoundary() {
        AnalysisOptions fiveSeconds = Ev.options(Duration.ofSeconds(60), Duration.ofSeconds(5), Duration.ofSeconds(5),
                Thresholds.defaults());
        CheckoutResult c = Ev.analyze(fiveSeconds,
                getconn(0).req("r1").conn("A"), putconn(5).req("r1").conn("A"),            // exactly 5 s: not long
                getconn(10).req("r2").conn("B"), putconn(15.000001).req("r2").conn("B"))   // 5 s + 1 µs: long
                .checkouts();
        assertThat(c.longHoldCount()).isEqualTo(1);
        assertThat(c.longHolds()).extracting(LongHold::connId).containsExactly("B");
    }

    @Test
    void aSummaryCountsTheSameLongHoldsAndKeepsThemThroughAMerge() {
        Summary s = Ev.summarize(DEFAULTS, holds());
        assertThat(s.pairing().longHoldCount()).isEqualTo(1);
        assertThat(s.pairing().longHolds()).extracting(LongHold::connId).containsExactly("B");
        // merged with an empty later day, the long hold is carried over as it was
        Summary merged = s.merge(Ev.summarize(DEFAULTS, other(100)));
        CheckoutResult c = merged.finish().diagnosis().checkouts();
        assertThat(c.longHoldCount()).isEqualTo(1);
        assertThat(c.longHolds()).extracting(LongHold::connId).containsExactly("B");
    }

    @Test
    void aCheckinInTheLaterSummaryOfARotationIsLongByTheSameRule() {
        // day 1 takes two connections; day 2 returns them, exactly 60 s and 60 s + 1 µs after
        Summary first = Ev.summarize(DEFAULTS, getconn(0).req("r1").conn("A"), getconn(10).req("r2").conn("B"));
        Summary second = Ev.summarize(DEFAULTS, putconn(60).req("r1").conn("A"), putconn(70.000001).req("r2").conn("B"));
        CheckoutResult c = first.merge(second).finish().diagnosis().checkouts();
        assertThat(c.leakedCheckouts()).isZero();
        assertThat(c.longHoldCount()).isEqualTo(1);
        assertThat(c.longHolds()).extracting(LongHold::connId).containsExactly("B");
    }

    @Test
    void liveModeSuspectsACheckoutOnlyOnceItIsOlderThanTheThreshold() {
        // docs/watch.md: watch reports "a checkout held past --leak-threshold while it is still open"
        LiveAnalysis live = new LiveAnalysis(DEFAULTS, Duration.ofHours(1));
        live.accept(getconn(0).req("r1").conn("A").build(1));
        assertThat(live.status(at(60)).notices()).isEmpty();                // exactly 60 s old: not yet
        List<LeakNotice> later = live.status(at(60.000001)).notices();      // 1 µs more: suspected
        assertThat(later).singleElement().satisfies(n -> {
            assertThat(n.kind()).isEqualTo(LeakNotice.Kind.SUSPECTED);
            assertThat(n.connId()).isEqualTo("A");
        });
        assertThat(live.status(at(61)).notices()).isEmpty();                // reported once
    }

    @Test
    void liveModeReportsAReturnOnlyWhenTheHoldWasLong() {
        LiveAnalysis live = new LiveAnalysis(DEFAULTS, Duration.ofHours(1));
        Ev[] events = {
            getconn(0).req("r1").conn("A"), getconn(1).req("r2").conn("B"),
            putconn(60).req("r1").conn("A"),               // exactly 60 s, never suspected: no notice
            putconn(61.000001).req("r2").conn("B")};       // long: reported as returned, though never suspected
        for (int i = 0; i < events.length; i++) {
            live.accept(events[i].build(i + 1));
        }
        LiveStatus s = live.status(at(62));
        assertThat(s.notices()).singleElement().satisfies(n -> {
            assertThat(n.kind()).isEqualTo(LeakNotice.Kind.RETURNED);
            assertThat(n.connId()).isEqualTo("B");
            assertThat(n.reportedOpen()).isFalse();
        });
        assertThat(s.totals().returned()).isEqualTo(1);
        assertThat(s.totals().suspected()).isZero();
    }
}
