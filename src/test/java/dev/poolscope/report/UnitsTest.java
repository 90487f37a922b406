package dev.poolscope.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.poolscope.event.PoolEvent;
import dev.poolscope.event.Timestamps;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
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

    /** The hand-written date arithmetic against java.time's, across four-digit years and past both ends. */
    @Test
    void timeWritesWhatJavaTimeWrites() {
        DateTimeFormatter iso = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'", Locale.ROOT)
                .withZone(ZoneOffset.UTC);
        List<Long> micros = new ArrayList<>(List.of(0L, -1L, 1L, 86_399_999_999L, 86_400_000_000L));
        for (String t : List.of("0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999999Z", "2000-02-29T12:00:00Z",
                "1900-02-28T23:59:59.999999Z", "1900-03-01T00:00:00Z", "2100-03-01T00:00:00Z", "1600-02-29T00:00:00Z",
                "-0001-12-31T23:59:59.999999Z", "+10000-01-01T00:00:00Z")) {
            Instant i = Instant.parse(t);
            micros.add(i.getEpochSecond() * 1_000_000L + i.getNano() / 1_000);
        }
        Random rnd = new Random(154);
        for (int n = 0; n < 200_000; n++) {
            // days from about 2,200 BC to AD 12,000, and any microsecond of the day
            micros.add(rnd.nextLong(-133_000_000_000_000_000L, 316_000_000_000_000_000L));
        }
        for (long m : micros) {
            Instant i = Instant.ofEpochSecond(Math.floorDiv(m, 1_000_000L), Math.floorMod(m, 1_000_000L) * 1_000);
            assertThat(Units.time(m)).as("%d", m).isEqualTo(iso.format(i));
        }
    }

    @Test
    void secondsAndMillisAreExact() {
        assertThat(Units.seconds(12_345_678).toPlainString()).isEqualTo("12.345678");
        assertThat(Units.millis(1.2345).toPlainString()).isEqualTo("1.235");
    }
}
