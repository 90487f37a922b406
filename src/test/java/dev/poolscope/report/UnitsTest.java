package dev.poolscope.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.poolscope.event.PoolEvent;
import dev.poolscope.event.Timestamps;
import org.junit.jupiter.api.Test;

class UnitsTest {
    @Test
    void timeIsIsoUtcWithSixDigitsAndNullForNoTime() {
        assertThat(Units.time(Timestamps.parse("2026-01-06T10:15:23.123456Z"))).isEqualTo("2026-01-06T10:15:23.123456Z");
        assertThat(Units.time(Timestamps.parse("2026-01-06T10:15:23Z"))).isEqualTo("2026-01-06T10:15:23.000000Z");
        assertThat(Units.time(Timestamps.parse("1969-12-31T23:59:59.5Z"))).isEqualTo("1969-12-31T23:59:59.500000Z");
        assertThat(Units.time(PoolEvent.NO_TIME)).isNull();
    }

    @Test
    void timeThenParseIsTheIdentity() {
        long t = Timestamps.parse("2026-11-27T15:16:51.369223Z");
        assertThat(Timestamps.parse(Units.time(t))).isEqualTo(t);
    }

    @Test
    void secondsAndMillisAreExact() {
        assertThat(Units.seconds(12_345_678).toPlainString()).isEqualTo("12.345678");
        assertThat(Units.millis(1.2345).toPlainString()).isEqualTo("1.235");
    }
}
