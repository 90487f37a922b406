package dev.poolscope.event;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Turns the timestamp forms loggers write into microseconds since the epoch (UTC).
 * ISO-8601 takes a hand-written fast path because it is parsed once per line;
 * anything unusual falls back to {@code java.time}. A time without a zone is read as UTC.
 */
public final class Timestamps {
    private static final long MICROS_PER_SECOND = 1_000_000L;

    private Timestamps() {}

    /** Parses text; returns {@link PoolEvent#NO_TIME} when it is not a timestamp. */
    public static long parse(String text) {
        if (text == null || text.isEmpty()) {
            return PoolEvent.NO_TIME;
        }
        char c0 = text.charAt(0);
        if (text.length() >= 19 && text.charAt(4) == '-') {
            long fast = parseIso(text);
            return fast != PoolEvent.NO_TIME ? fast : parseSlow(text);
        }
        if (c0 >= '0' && c0 <= '9' || c0 == '-') {
            try {
                // Integers exactly: epoch nanoseconds exceed a double's 53-bit precision.
                return isDigits(text) && text.length() <= 19 ? fromEpochNumber(Long.parseLong(text))
                        : fromEpochNumber(Double.parseDouble(text));
            } catch (NumberFormatException e) {
                return PoolEvent.NO_TIME;
            }
        }
        return PoolEvent.NO_TIME;
    }

    /**
     * A time to the millisecond refined by logback JsonEncoder's {@code nanoseconds}, the nanoseconds of the same
     * second ({@code Instant.getNano()}): kept to the microsecond when its milliseconds agree with the time's,
     * else (another key, another meaning) the time is left as it is.
     */
    public static long withNanos(long micros, String nanos) {
        if (micros == PoolEvent.NO_TIME || nanos == null || nanos.length() > 9 || !isDigits(nanos)) {
            return micros;
        }
        long n = Long.parseLong(nanos);
        long ofSecond = Math.floorMod(micros, MICROS_PER_SECOND);
        if (ofSecond % 1_000 != 0 || ofSecond / 1_000 != n / 1_000_000) {
            return micros;
        }
        return micros - ofSecond + n / 1_000;
    }

    /**
     * Epoch numbers come in seconds, millis, micros or nanos; the magnitude tells which
     * (seconds stay below 1e11 until the year 5138).
     */
    public static long fromEpochNumber(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value) || value < 0) {
            return PoolEvent.NO_TIME;
        }
        if (value < 1e11) {
            return Math.round(value * MICROS_PER_SECOND);
        } else if (value < 1e14) {
            return Math.round(value * 1_000);
        } else if (value < 1e17) {
            return Math.round(value);
        }
        return Math.round(value / 1_000);
    }

    public static long fromEpochNumber(long value) {
        if (value < 0) {
            return PoolEvent.NO_TIME;
        }
        if (value < 100_000_000_000L) {
            return value * MICROS_PER_SECOND;
        } else if (value < 100_000_000_000_000L) {
            return value * 1_000;
        } else if (value < 100_000_000_000_000_000L) {
            return value;
        }
        return value / 1_000;
    }

    /** {@code yyyy-MM-dd[T ]HH:mm:ss[.,fraction][Z|±HH[:]mm]}, or NO_TIME when the text has another shape. */
    static long parseIso(String s) {
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        char sep = s.charAt(10);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        if (!inRange(year, month, day, hour, minute, second) || !isDateTimeSeparator(sep)
                || s.charAt(7) != '-' || s.charAt(13) != ':' || s.charAt(16) != ':') {
            return PoolEvent.NO_TIME;
        }
        int i = 19;
        long micros = 0;
        if (i < s.length() && (s.charAt(i) == '.' || s.charAt(i) == ',')) {
            i++;
            int scale = 100_000;
            int start = i;
            while (i < s.length() && Character.isDigit(s.charAt(i))) {
                micros += (s.charAt(i) - '0') * (long) scale;
                scale /= 10;
                i++;
            }
            if (i == start) {
                return PoolEvent.NO_TIME;
            }
        }
        long offsetSeconds = 0;
        if (i < s.length()) {
            char z = s.charAt(i);
            if ((z == 'Z' || z == 'z') && i + 1 == s.length()) {
                offsetSeconds = 0;
            } else if ((z == '+' || z == '-') && (s.length() - i == 6 || s.length() - i == 5 || s.length() - i == 3)) {
                int oh = digits(s, i + 1, 2);
                int om = s.length() - i == 3 ? 0 : digits(s, s.length() - 2, 2);
                if (oh < 0 || om < 0 || (s.length() - i == 6 && s.charAt(i + 3) != ':')) {
                    return PoolEvent.NO_TIME;
                }
                offsetSeconds = (z == '+' ? 1 : -1) * (oh * 3600L + om * 60L);
            } else {
                return PoolEvent.NO_TIME;
            }
        }
        return (epochSecond(year, month, day, hour, minute, second) - offsetSeconds) * MICROS_PER_SECOND + micros;
    }

    /**
     * The common form {@code yyyy-MM-ddTHH:mm:ss[.fraction]Z} straight from ASCII bytes, with exactly the
     * checks and arithmetic of {@link #parseIso}; NO_TIME for any other form (the caller then takes the
     * String path, so nothing this rejects is lost).
     */
    static long parseIsoUtc(byte[] b, int from, int len) {
        if (len < 20 || (b[from + len - 1] != 'Z' && b[from + len - 1] != 'z')) {
            return PoolEvent.NO_TIME;
        }
        int year = digits(b, from, 4);
        int month = digits(b, from + 5, 2);
        int day = digits(b, from + 8, 2);
        byte sep = b[from + 10];
        int hour = digits(b, from + 11, 2);
        int minute = digits(b, from + 14, 2);
        if (!inRange(year, month, day, hour, minute, 0) || !isDateTimeSeparator((char) sep)
                || b[from + 4] != '-' || b[from + 7] != '-' || b[from + 13] != ':') {
            return PoolEvent.NO_TIME;
        }
        long rest = microsIntoMinute(b, from, len);
        return rest < 0 ? PoolEvent.NO_TIME : epochSecond(year, month, day, hour, minute, 0) * MICROS_PER_SECOND + rest;
    }

    /**
     * The seconds and fraction of an ISO UTC timestamp whose first 16 bytes (up to the minute) are known to
     * be valid, in microseconds from the start of that minute; -1 when the rest is not valid.
     */
    static long microsIntoMinute(byte[] b, int from, int len) {
        if (len < 20 || (b[from + len - 1] != 'Z' && b[from + len - 1] != 'z') || b[from + 16] != ':') {
            return -1;
        }
        int second = digits(b, from + 17, 2);
        if (second < 0 || second > 60) {
            return -1;
        }
        int i = 19;
        long micros = 0;
        if (i < len - 1) {
            if (b[from + i] != '.' && b[from + i] != ',') {
                return -1;
            }
            i++;
            int scale = 100_000;
            int start = i;
            while (b[from + i] >= '0' && b[from + i] <= '9') {   // stops at the last byte at the latest: 'Z'
                micros += (b[from + i] - '0') * (long) scale;
                scale /= 10;
                i++;
            }
            if (i == start || i != len - 1) {
                return -1;
            }
        }
        return second * MICROS_PER_SECOND + micros;
    }

    /** The field checks both ISO readers make (a day 31 in any month, as before; second 60 for leap seconds). */
    private static boolean inRange(int year, int month, int day, int hour, int minute, int second) {
        return year >= 0 && month >= 1 && month <= 12 && day >= 1 && day <= 31 && hour >= 0 && hour <= 23
                && minute >= 0 && minute <= 59 && second >= 0 && second <= 60;
    }

    private static boolean isDateTimeSeparator(char c) {
        return c == 'T' || c == ' ' || c == 't';
    }

    private static long epochSecond(int year, int month, int day, int hour, int minute, int second) {
        return daysFromCivil(year, month, day) * 86_400L + hour * 3600L + minute * 60L + second;
    }

    private static int digits(byte[] b, int from, int count) {
        int v = 0;
        for (int i = from; i < from + count; i++) {
            int c = b[i] - '0';
            if (c < 0 || c > 9) {
                return -1;
            }
            v = v * 10 + c;
        }
        return v;
    }

    private static long parseSlow(String text) {
        try {
            return toMicros(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException e) {
            try {
                return toMicros(LocalDateTime.parse(text.replace(' ', 'T')).toInstant(ZoneOffset.UTC));
            } catch (DateTimeParseException e2) {
                return PoolEvent.NO_TIME;
            }
        }
    }

    private static long toMicros(Instant instant) {
        return instant.getEpochSecond() * MICROS_PER_SECOND + instant.getNano() / 1_000;
    }

    private static boolean isDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** Callers read only within the text: at most 19 characters into one of 19 or more, or an offset's own. */
    private static int digits(String s, int from, int count) {
        int v = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
    private static long daysFromCivil(int y, int m, int d) {
        int year = m <= 2 ? y - 1 : y;
        int era = Math.floorDiv(year, 400);
        int yoe = year - era * 400;
        int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
        int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146_097L + doe - 719_468;
    }

    /**
     * The zone designator of a timestamp {@link #parse} read: {@code "Z"}, an offset as written such as
     * {@code "+02:00"}, {@code "epoch"} for epoch numbers, or null for an ISO time without one (read as UTC).
     */
    public static String zoneOf(String text) {
        if (text.length() < 19 || text.charAt(4) != '-') {
            return "epoch";
        }
        int i = 19;
        if (i < text.length() && (text.charAt(i) == '.' || text.charAt(i) == ',')) {
            i++;
            while (i < text.length() && Character.isDigit(text.charAt(i))) {
                i++;
            }
        }
        if (i == text.length()) {
            return null;
        }
        if (i == text.length() - 1 && (text.charAt(i) == 'Z' || text.charAt(i) == 'z')) {
            return "Z";   // the common case allocates nothing
        }
        return text.substring(i).strip();
    }
}
