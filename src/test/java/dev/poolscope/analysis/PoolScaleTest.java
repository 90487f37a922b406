package dev.poolscope.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Pool-used thresholds following the pool's size (docs/metrics.md, issue #16). */
class PoolScaleTest {
    private static final Threshold GIVEN = new Threshold(10, 70);

    @Test
    void percentagesMustSatisfyZeroLeNormalLeCriticalLeHundred() {
        assertThat(PoolScale.percent(0, 0).criticalPct()).isZero();
        assertThat(PoolScale.percent(50, 50).normalPct()).isEqualTo(50);
        assertThat(PoolScale.percent(0, 100).criticalPct()).isEqualTo(100);
        assertThatThrownBy(() -> PoolScale.percent(-0.5, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PoolScale.percent(60, 50)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PoolScale.percent(10, 100.5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void percentScalesToTheMaximumRoundingDown() {
        // 40 * 25 / 100 = 10, 40 * 75 / 100 = 30; 30 * 25 / 100 = 7.5 -> 7, 30 * 75 / 100 = 22.5 -> 22
        assertThat(PoolScale.percent(25, 75).resolve(GIVEN, 40)).isEqualTo(new Threshold(10, 30));
        assertThat(PoolScale.percent(25, 75).resolve(GIVEN, 30)).isEqualTo(new Threshold(7, 22));
    }

    @Test
    void seedScalesOnlyWhenTheMaximumIsKnownAndNotEighty() {
        // 40 * 12.5 % = 5, 40 * 87.5 % = 35
        assertThat(PoolScale.SEED.resolve(GIVEN, 40)).isEqualTo(new Threshold(5, 35));
        assertThat(PoolScale.SEED.resolve(GIVEN, 80)).isEqualTo(GIVEN);
        assertThat(PoolScale.SEED.resolve(GIVEN, -1)).isEqualTo(GIVEN);
    }

    @Test
    void unknownOrZeroMaximumFallsBackToTheNumbers() {
        assertThat(PoolScale.percent(25, 75).resolve(GIVEN, 0)).isEqualTo(GIVEN);
        assertThat(PoolScale.percent(25, 75).resolve(GIVEN, -1)).isEqualTo(GIVEN);
        assertThat(PoolScale.ABSOLUTE.resolve(GIVEN, 40)).isEqualTo(GIVEN);
    }

    @Test
    void basisNamesTheRuleThatApplied() {
        assertThat(PoolScale.ABSOLUTE.basis(GIVEN, 40)).isEqualTo("as set (--used-normal/--used-critical)");
        assertThat(PoolScale.percent(10, 90).basis(GIVEN, 50))
                .isEqualTo("as set in percent: normal <= 10 %, critical > 90 % of 50");
        assertThat(PoolScale.percent(10, 90).basis(GIVEN, 0))
                .isEqualTo("percentages set but the pool's maximum is unknown: the numbers 10/70 apply");
        assertThat(PoolScale.SEED.basis(GIVEN, 0)).isEqualTo("seed table (pool of 80): the pool's maximum is unknown");
        assertThat(PoolScale.SEED.basis(GIVEN, -1)).isEqualTo("seed table (pool of 80): the pool's maximum is unknown");
        assertThat(PoolScale.SEED.basis(GIVEN, 80)).isEqualTo("seed table (pool of 80)");
        // whole percentages print without ".0", fractional ones as they are
        assertThat(PoolScale.SEED.basis(GIVEN, 40))
                .isEqualTo("seed table scaled to the pool's maximum: normal <= 12.5 %, critical > 87.5 % of 40");
    }
}
