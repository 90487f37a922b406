package dev.poolscope.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.poolscope.analysis.Level;
import dev.poolscope.analysis.Thresholds;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GateTest {
    static final Thresholds SEED = Thresholds.defaults();

    private static Figures figures(long used, long delta, long requests, long timeouts, long failed) {
        return new Figures(used, delta, requests, timeouts, failed);
    }

    private static GatePolicy policy(Level failOn, Map<Metric, Long> maxima, Figures baseline, String tolerance) {
        return new GatePolicy(failOn, maxima, Optional.ofNullable(baseline), Allowance.parse(tolerance));
    }

    @Test
    void healthTableChecksOnlyTheFiguresItRates() {
        Verdict v = Gate.evaluate(figures(1, 0, 0, 99, 99), SEED, GatePolicy.defaults());

        assertThat(v.checks()).extracting(GateResult::metric)
                .containsExactly(Metric.POOL_USED, Metric.LEAK_DELTA, Metric.REQUESTS_WITHOUT_CLOSE);
        assertThat(v.passed()).isTrue();
    }

    @Test
    void criticalBandIsInclusiveAtItsLimit() {
        Verdict atLimit = Gate.evaluate(figures(70, 10, 0, 0, 0), SEED, GatePolicy.defaults());
        Verdict above = Gate.evaluate(figures(71, 11, 1, 0, 0), SEED, GatePolicy.defaults());

        assertThat(atLimit.passed()).isTrue();
        assertThat(above.failures()).extracting(GateResult::limit).containsExactly(70L, 10L, 0L);
        assertThat(above.failures()).extracting(GateResult::basis).containsOnly(GateResult.Basis.HEALTH_CRITICAL);
        assertThat(above.leakFailed()).isTrue();
    }

    @Test
    void warningLevelFailsAboveTheNormalBand() {
        GatePolicy warning = policy(Level.WARNING, Map.of(), null, "0");

        Verdict v = Gate.evaluate(figures(11, 2, 0, 0, 0), SEED, warning);

        assertThat(v.failures()).singleElement().satisfies(r -> {
            assertThat(r.metric()).isEqualTo(Metric.POOL_USED);
            assertThat(r.limit()).isEqualTo(10);
            assertThat(r.basis()).isEqualTo(GateResult.Basis.HEALTH_WARNING);
        });
        assertThat(v.leakFailed()).isFalse();
    }

    @Test
    void hardLimitReplacesTheBandAndAddsUnratedFigures() {
        GatePolicy p = policy(Level.CRITICAL, Map.of(Metric.POOL_USED, 80L, Metric.STATEMENT_TIMEOUTS, 0L), null, "0");

        Verdict v = Gate.evaluate(figures(75, 0, 0, 1, 5), SEED, p);

        assertThat(v.checks()).extracting(GateResult::metric).containsExactly(Metric.POOL_USED, Metric.LEAK_DELTA,
                Metric.REQUESTS_WITHOUT_CLOSE, Metric.STATEMENT_TIMEOUTS);
        assertThat(v.checks().get(0).passed()).as("75 is above critical 70 but within the hard limit 80").isTrue();
        assertThat(v.failures()).extracting(GateResult::metric).containsExactly(Metric.STATEMENT_TIMEOUTS);
        assertThat(v.failures().get(0).basis()).isEqualTo(GateResult.Basis.SETTING);
    }

    @Test
    void baselineComparesEveryFigureWithTolerance() {
        Figures base = figures(40, 3, 2, 10, 0);

        Verdict exact = Gate.evaluate(figures(40, 3, 2, 10, 0), SEED, policy(Level.CRITICAL, Map.of(), base, "0"));
        Verdict worse = Gate.evaluate(figures(41, 3, 2, 11, 1), SEED, policy(Level.CRITICAL, Map.of(), base, "0"));
        // 10 % of 40 is 4, of 10 is 1, of 3 and 2 and 0 rounds down to 0
        Verdict tenPercent = Gate.evaluate(figures(44, 3, 2, 11, 0), SEED, policy(Level.CRITICAL, Map.of(), base, "10%"));

        assertThat(exact.checks()).hasSize(5);
        assertThat(exact.passed()).isTrue();
        assertThat(worse.failures()).extracting(GateResult::metric)
                .containsExactly(Metric.POOL_USED, Metric.STATEMENT_TIMEOUTS, Metric.GETCONN_FAILED);
        assertThat(worse.failures().get(0).baseline()).isEqualTo(40);
        assertThat(tenPercent.checks()).extracting(GateResult::limit).containsExactly(44L, 3L, 2L, 11L, 0L);
        assertThat(tenPercent.passed()).isTrue();
    }

    @Test
    void baselineIgnoresTheHealthTableButNotHardLimits() {
        Figures base = figures(90, 50, 20, 0, 0);
        GatePolicy p = policy(Level.CRITICAL, Map.of(Metric.REQUESTS_WITHOUT_CLOSE, 0L), base, "0");

        Verdict v = Gate.evaluate(figures(90, 50, 20, 0, 0), SEED, p);

        assertThat(v.failures()).singleElement().extracting(GateResult::metric)
                .isEqualTo(Metric.REQUESTS_WITHOUT_CLOSE);
    }

    @Test
    void negativeBaselineDeltaGetsNoPercentAllowance() {
        // a log that starts mid-request can have more putconn than getconn
        Figures base = figures(0, -4, 0, 0, 0);

        Verdict v = Gate.evaluate(figures(0, -3, 0, 0, 0), SEED, policy(Level.CRITICAL, Map.of(), base, "50%"));

        assertThat(v.checks().get(1).limit()).isEqualTo(-4);
        assertThat(v.checks().get(1).passed()).isFalse();
    }

    @Test
    void hugeToleranceSaturatesInsteadOfOverflowing() {
        Figures base = figures(Long.MAX_VALUE - 1, 0, 0, 0, 0);

        Verdict v = Gate.evaluate(base, SEED, policy(Level.CRITICAL, Map.of(), base, "10"));

        assertThat(v.checks().get(0).limit()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void policyRejectsNonsense() {
        assertThatThrownBy(() -> policy(Level.OK, Map.of(), null, "0")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> policy(Level.CRITICAL, Map.of(Metric.LEAK_DELTA, -1L), null, "0"))
                .hasMessageContaining("max-leak-delta must not be negative");
    }
}
