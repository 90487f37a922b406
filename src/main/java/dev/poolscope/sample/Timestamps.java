package dev.poolscope.sample;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/** Formats epoch microseconds as structlog does: 2026-01-06T10:00:00.123456Z. Caches the second. */
final class Timestamps {
    private final char[] buf = new char[27];
    private long cachedSecond = Long.MIN_VALUE;

    static long micros(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L),
                instant.getNano() / 1_000);
    }

    static String format(long micros) {
        Timestamps t = new Timestamps();
        return new String(t.chars(micros));
    }

    /** The returned array is reused by the next call. */
    char[] chars(long micros) {
        long second = Math.floorDiv(micros, 1_000_000L);
        if (second != cachedSecond) {
            String prefix = LocalDateTime.ofEpochSecond(second, 0, ZoneOffset.UTC).toString();
            if (prefix.length() == 16) {
                prefix += ":00"; // LocalDateTime drops ":00" seconds
            }
            prefix.getChars(0, 19, buf, 0);
            buf[19] = '.';
            buf[26] = 'Z';
            cachedSecond = second;
        }
        int frac = (int) Math.floorMod(micros, 1_000_000L);
        for (int i = 25; i >= 20; i--) {
            buf[i] = (char) ('0' + frac % 10);
            frac /= 10;
        }
        return buf;
    }
}
