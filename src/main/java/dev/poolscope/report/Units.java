package dev.poolscope.report;

import dev.poolscope.event.PoolEvent;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Unit conversions shared by every report, so all formats show the same figures. */
public final class Units {
    private Units() {}

    /** Microseconds as exact seconds, e.g. {@code 12.345678}. */
    public static BigDecimal seconds(long micros) {
        return BigDecimal.valueOf(micros, 6);
    }

    /** Milliseconds with three decimals (microsecond precision). */
    public static BigDecimal millis(double ms) {
        return BigDecimal.valueOf(Math.round(ms * 1000), 3);
    }

    /** ISO-8601 UTC with exactly six fraction digits, the form every report writes (fixed width, sorts as text); null for an absent time. */
    public static String time(long micros) {
        if (micros == PoolEvent.NO_TIME) {
            return null;
        }
        Instant instant = Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000);
        return TIME.format(instant);
    }

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
}
