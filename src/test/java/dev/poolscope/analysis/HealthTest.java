package dev.poolscope.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The seed document's table: pool used ≤10 / >70, getconn − putconn ≤2 / >10, requests without close 0 / >0. */
class HealthTest {

    @ParameterizedTest(name = "pool used {0} is {1}")
    @CsvSource({"0,OK", "10,OK", "11,WARNING", "69,WARNING", "70,WARNING", "71,CRITICAL", "80,CRITICAL"})
    void poolUsed(long value, Level level) {
        assertThat(Thresholds.defaults().poolUsed().levelOf(value)).isEqualTo(level);
        assertThat(Health.evaluate(Thresholds.defaults(), value, 0, 0).checks().get(0).level()).isEqualTo(level);
    }

    @ParameterizedTest(name = "leak delta {0} is {1}")
    @CsvSource({"-5,OK", "0,OK", "1,OK", "2,OK", "3,WARNING", "10,WARNING", "11,CRITICAL"})
    void leakDelta(long value, Level level) {
        assertThat(Health.evaluate(Thresholds.defaults(), 0, value, 0).checks().get(1).level()).isEqualTo(level);
    }

    @ParameterizedTest(name = "requests without close {0} is {1}")
    @CsvSource({"0,OK", "1,CRITICAL", "51,CRITICAL"})
    void requestsWithoutClose(long value, Level level) {
        assertThat(Health.evaluate(Thresholds.defaults(), 0, 0, value).checks().get(2).level()).isEqualTo(level);
    }

    @Test
    void checksCarryMetricValueAndThresholds() {
        Health h = Health.evaluate(Thresholds.defaults(), 80, 80, 51);
        assertThat(h.checks()).extracting(HealthCheck::metric)
                .containsExactly("pool_used", "leak_delta", "requests_without_close");
        assertThat(h.checks()).extracting(HealthCheck::value).containsExactly(80L, 80L, 51L);
        assertThat(h.checks()).extracting(c -> c.threshold().normalMax()).containsExactly(10L, 2L, 0L);
        assertThat(h.checks()).extracting(c -> c.threshold().criticalAbove()).containsExactly(70L, 10L, 0L);
    }

    @ParameterizedTest(name = "used {0}, delta {1}, requests {2} -> {3}")
    @CsvSource({"0,0,0,OK", "11,0,0,WARNING", "0,3,0,WARNING", "11,3,0,WARNING", "71,0,0,CRITICAL",
        "5,11,0,CRITICAL", "5,1,1,CRITICAL", "80,80,51,CRITICAL"})
    void verdictIsTheWorstLevel(long used, long delta, long requests, Level verdict) {
        assertThat(Health.evaluate(Thresholds.defaults(), used, delta, requests).verdict()).isEqualTo(verdict);
    }

    @Test
    void thresholdsAreOverridable() {
        Thresholds t = new Thresholds(new Threshold(40, 60), new Threshold(0, 5), new Threshold(2, 4));
        Health h = Health.evaluate(t, 60, 1, 3);
        assertThat(h.checks()).extracting(HealthCheck::level).containsExactly(Level.WARNING, Level.WARNING, Level.WARNING);
        assertThat(Health.evaluate(t, 40, 0, 2).verdict()).isEqualTo(Level.OK);
        assertThat(Health.evaluate(t, 61, 0, 2).verdict()).isEqualTo(Level.CRITICAL);
    }

    @Test
    void aThresholdNeedsNormalAtMostCritical() {
        assertThatThrownBy(() -> new Threshold(10, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Threshold(-1, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new Threshold(5, 5).levelOf(6)).isEqualTo(Level.CRITICAL);
    }

    @Test
    void levelsOrderAndLabels() {
        assertThat(Level.OK.worst(Level.WARNING)).isEqualTo(Level.WARNING);
        assertThat(Level.CRITICAL.worst(Level.OK)).isEqualTo(Level.CRITICAL);
        assertThat(Level.WARNING.label()).isEqualTo("warning");
    }
}
