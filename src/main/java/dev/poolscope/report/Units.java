package dev.poolscope.report;

import dev.poolscope.event.Timestamps;
import java.math.BigDecimal;

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

    /** ISO-8601 UTC, or null for an absent time. */
    public static String time(long micros) {
        return Timestamps.format(micros);
    }
}
