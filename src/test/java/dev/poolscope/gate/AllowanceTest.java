package dev.poolscope.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AllowanceTest {
    @Test
    void countIgnoresTheBase() {
        assertThat(Allowance.parse("5").of(0)).isEqualTo(5);
        assertThat(Allowance.parse(" 5 ").of(1_000_000)).isEqualTo(5);
    }

    @Test
    void percentageRoundsDown() {
        assertThat(Allowance.parse("1%").of(100)).isEqualTo(1);
        assertThat(Allowance.parse("1%").of(199)).isEqualTo(1);
        assertThat(Allowance.parse("1%").of(99)).isZero();
        assertThat(Allowance.parse("1 %").of(200)).isEqualTo(2);
    }

    @Test
    void decimalPercentagesAreExact() {
        // in binary floating point 10 000 × 0.57 / 100 is 56.99999999999999 and 30 000 × 4.1 / 100 is
        // 1229.9999999999998: rounding down would lose one
        assertThat(Allowance.parse("0.57%").of(10_000)).isEqualTo(57);
        assertThat(Allowance.parse("4.1%").of(30_000)).isEqualTo(1230);
        assertThat(Allowance.parse("0.1%").of(30_000)).isEqualTo(30);
    }

    @Test
    void rejectsWhatIsNotAnAllowance() {
        assertThatThrownBy(() -> Allowance.parse("lots")).hasMessageContaining("neither a count");
        assertThatThrownBy(() -> Allowance.parse("-1")).hasMessageContaining("negative");
        assertThatThrownBy(() -> Allowance.parse("1.5")).hasMessageContaining("whole number");
        assertThatThrownBy(() -> Allowance.parse("%")).hasMessageContaining("neither a count");
    }

    @Test
    void printsAsWritten() {
        assertThat(Allowance.parse("1%")).hasToString("1%");
        assertThat(Allowance.parse("3")).hasToString("3");
    }
}
