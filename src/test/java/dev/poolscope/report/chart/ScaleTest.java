package dev.poolscope.report.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ScaleTest {
    private static long micros(String iso) {
        Instant i = Instant.parse(iso);
        return i.getEpochSecond() * 1_000_000L + i.getNano() / 1000;
    }

    @Test
    void countAxesWidenToWholeNiceSteps() {
        // 0..76 in about 8 steps: 9.5 a step, rounded up to 10; 76 widens to 80.
        Scale s = Scale.counts(0, 76, 340, 40, 8);
        assertThat(s.lo()).isEqualTo(0);
        assertThat(s.hi()).isEqualTo(80);
        assertThat(s.ticks()).extracting(Scale.Tick::label)
                .containsExactly("0", "10", "20", "30", "40", "50", "60", "70", "80");
        assertThat(s.at(40)).isEqualTo(190.0);   // half way up from 340 to 40
        assertThat(s.at(0)).isEqualTo(340.0);
        // A maximum right on a tick gets one more step, so a line at the pool size is not the frame.
        assertThat(Scale.counts(0, 80, 340, 40, 8).hi()).isEqualTo(90);
        // Nothing to show: [0, 1] and one more step.
        assertThat(Scale.counts(0, 0, 340, 40, 8).ticks()).extracting(Scale.Tick::label).containsExactly("0", "1", "2");
        // Negative values: 15 over 8 steps is 1.875, so steps of 2 from -4.
        Scale neg = Scale.counts(-3, 12, 340, 40, 8);
        assertThat(neg.ticks()).extracting(Scale.Tick::label)
                .containsExactly("-4", "-2", "0", "2", "4", "6", "8", "10", "12", "14");
        assertThat(neg.at(5)).isEqualTo(190.0);   // the middle of -4..14
    }

    @Test
    void stepsAreOneTwoOrFiveTimesAPowerOfTenAndWhole() {
        assertThat(Scale.step(9.5)).isEqualTo(10);
        assertThat(Scale.step(0.3)).isEqualTo(1);
        assertThat(Scale.step(2)).isEqualTo(2);
        assertThat(Scale.step(2.01)).isEqualTo(5);
        assertThat(Scale.step(23)).isEqualTo(50);
        assertThat(Scale.step(120)).isEqualTo(200);
    }

    @Test
    void logAxesSpanWholeDecadesWithATickOnEach() {
        Scale s = Scale.decades(3, 5, 64, 976);
        assertThat(s.ticks()).extracting(Scale.Tick::label).containsExactly("1000", "10000", "100000");
        assertThat(s.at(1e4)).isCloseTo(520, within(1e-9));                     // 64 + 912 / 2
        assertThat(s.at(Math.pow(10, 3.25))).isCloseTo(178, within(1e-9));      // a quarter decade: 912 / 8
        assertThat(Scale.decades(-3, -3, 0, 100).ticks()).extracting(Scale.Tick::label).containsExactly("0.001", "0.01");
        assertThat(Scale.power(0)).isEqualTo("1");
        assertThat(Scale.power(-1)).isEqualTo("0.1");
        assertThat(Scale.power(2)).isEqualTo("100");
    }

    @Test
    void timeTicksFallOnRoundUtcTimes() {
        long t0 = micros("2026-01-06T10:00:00Z");
        // 80.1 s over at most 12 intervals: 6.7 s a step, so 10 s.
        Scale s = Scale.time(t0, t0 + 80_100_000L, 64, 936);
        assertThat(s.ticks()).extracting(Scale.Tick::label).containsExactly("10:00:00", "10:00:10", "10:00:20",
                "10:00:30", "10:00:40", "10:00:50", "10:01:00", "10:01:10", "10:01:20");
        assertThat(s.at(t0 + 40_050_000L)).isEqualTo(500.0);   // the middle
        // A single instant still gets an axis, one second wide.
        assertThat(Scale.time(t0, t0, 0, 100).hi()).isEqualTo(t0 + 1_000_000L);
    }

    @Test
    void timeStepsAndLabelsFollowTheSpan() {
        assertThat(TimeTicks.step(60_000_000L)).isEqualTo(5_000_000L);    // 12 steps of 5 s
        assertThat(TimeTicks.step(61_000_000L)).isEqualTo(10_000_000L);
        assertThat(TimeTicks.step(1_000_000L)).isEqualTo(100_000L);       // 1 s: steps of 100 ms
        assertThat(TimeTicks.step(84 * TimeTicks.DAY)).isEqualTo(7 * TimeTicks.DAY);
        assertThat(TimeTicks.step(85 * TimeTicks.DAY)).isEqualTo(14 * TimeTicks.DAY);
        long t = micros("2026-01-06T09:05:07.250Z");
        assertThat(TimeTicks.label(t, 50_000L, false)).isEqualTo("09:05:07.250");
        assertThat(TimeTicks.label(t, 5_000_000L, false)).isEqualTo("09:05:07");
        assertThat(TimeTicks.label(t, 300_000_000L, false)).isEqualTo("09:05");
        assertThat(TimeTicks.label(t, 300_000_000L, true)).isEqualTo("01-06 09:05");
        assertThat(TimeTicks.label(t, TimeTicks.DAY, true)).isEqualTo("2026-01-06");
        // Across midnight: 2 h in steps of 10 min, the date in front.
        long lo = micros("2026-01-06T23:00:00Z");
        assertThat(TimeTicks.of(lo, lo + 2 * 3_600_000_000L)).extracting(Scale.Tick::label).startsWith("01-06 23:00")
                .contains("01-07 00:00").endsWith("01-07 01:00").hasSize(13);
    }
}
