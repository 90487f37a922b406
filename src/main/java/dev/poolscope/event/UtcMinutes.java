package dev.poolscope.event;

import dev.poolscope.io.ByteWords;

/**
 * Reads ISO UTC timestamps from bytes like {@link Timestamps#parseIsoUtc}, remembering the last minute
 * read: consecutive lines nearly always share their first 16 bytes ({@code yyyy-MM-ddTHH:mm}), so the
 * date arithmetic and its checks run once a minute, and each line reads only its seconds and fraction.
 * One per decoder (not thread-safe).
 */
final class UtcMinutes {
    private boolean known;
    private long date;      // bytes 0-7 of the remembered minute
    private long time;      // bytes 8-15
    private long minuteMicros;

    /** The time in microseconds, or {@link PoolEvent#NO_TIME} when this is not the common UTC form. */
    long parse(byte[] b, int from, int len) {
        if (len < 20) {
            return PoolEvent.NO_TIME;
        }
        long d = ByteWords.head(b, from, ByteWords.WHOLE);   // bytes 0-7
        long t = ByteWords.tail(b, from, ByteWords.WHOLE);   // bytes 8-15
        if (known && d == date && t == time) {
            long rest = Timestamps.microsIntoMinute(b, from, len);
            return rest < 0 ? PoolEvent.NO_TIME : minuteMicros + rest;
        }
        long micros = Timestamps.parseIsoUtc(b, from, len);
        if (micros != PoolEvent.NO_TIME) {
            known = true;
            date = d;
            time = t;
            minuteMicros = micros - Timestamps.microsIntoMinute(b, from, len);
        }
        return micros;
    }
}
