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

    /**
     * ISO-8601 UTC with exactly six fraction digits, the form every report writes (fixed width, sorts as
     * text); null for an absent time. Written out by hand for years 0000 to 9999: a report writes thousands
     * of times, and {@link DateTimeFormatter} cost ~50 ms for 6,000 of them in a fresh JVM (issue 15.4).
     * Other years go through the formatter, which gives them a sign or a fifth digit.
     */
    public static String time(long micros) {
        if (micros == PoolEvent.NO_TIME) {
            return null;
        }
        long secs = Math.floorDiv(micros, 1_000_000L);
        long days = Math.floorDiv(secs, 86_400L);
        if (days < FIRST_DAY || days > LAST_DAY) {
            return Iso.TIME.format(Instant.ofEpochSecond(secs, Math.floorMod(micros, 1_000_000L) * 1_000));
        }
        // The proleptic Gregorian date of a day number (H. Hinnant, "chrono-Compatible Low-Level Date Algorithms").
        long z = days + 719_468;
        long era = Math.floorDiv(z, 146_097);
        long doe = z - era * 146_097;
        long yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
        long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        long mp = (5 * doy + 2) / 153;
        int day = (int) (doy - (153 * mp + 2) / 5 + 1);
        int month = (int) (mp < 10 ? mp + 3 : mp - 9);
        int year = (int) (yoe + era * 400 + (month <= 2 ? 1 : 0));
        int sod = (int) Math.floorMod(secs, 86_400L);
        char[] c = "0000-00-00T00:00:00.000000Z".toCharArray();
        digits(c, 0, 4, year);
        digits(c, 5, 2, month);
        digits(c, 8, 2, day);
        digits(c, 11, 2, sod / 3_600);
        digits(c, 14, 2, sod / 60 % 60);
        digits(c, 17, 2, sod % 60);
        digits(c, 20, 6, Math.floorMod(micros, 1_000_000L));
        return new String(c);
    }

    /** {@code value} as {@code width} decimal digits ending before {@code at + width}. */
    private static void digits(char[] c, int at, int width, long value) {
        for (int i = at + width - 1; i >= at; i--) {
            c[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    /** 0000-01-01 and 9999-12-31 as days since 1970-01-01. */
    private static final long FIRST_DAY = -719_528;
    private static final long LAST_DAY = 2_932_896;

    /** Built on first use only: a report of this era's logs never needs it. */
    private static final class Iso {
        static final DateTimeFormatter TIME =
                DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
    }
}
