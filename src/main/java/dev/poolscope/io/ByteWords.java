package dev.poolscope.io;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Bytes read eight at a time, for the line splitter and the pre-filter. A short byte range is read as
 * two words: up to 16 bytes, its length and its first and last eight (overlapping) bytes are the whole
 * of it, so keys and repeated values are compared with three comparisons instead of a byte loop.
 */
public final class ByteWords {
    private static final VarHandle WORDS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    public static final int WHOLE = 2 * Long.BYTES;
    /** 0x01 in every byte: {@code ONES * c} is c in every byte. */
    public static final long ONES = 0x0101010101010101L;
    /** The high bit of every byte. */
    public static final long HIGHS = 0x8080808080808080L;

    private ByteWords() {
    }

    /** Eight bytes from {@code from}, little-endian (the first byte is the lowest). */
    public static long word(byte[] b, int from) {
        return (long) WORDS.get(b, from);
    }

    /** The high bit set in each byte of {@code x} that is zero (lowest one exact; SWAR zero-byte test). */
    public static long zeroBytes(long x) {
        return (x - ONES) & ~x & HIGHS;
    }

    /** The first eight bytes of {@code b[from, from + len)}, little-endian; fewer are padded with zeros. */
    public static long head(byte[] b, int from, int len) {
        if (len >= Long.BYTES) {
            return (long) WORDS.get(b, from);
        }
        if (from + Long.BYTES <= b.length) {
            return (long) WORDS.get(b, from) & ((1L << (len << 3)) - 1);
        }
        long w = 0;
        for (int i = from + len - 1; i >= from; i--) {
            w = w << 8 | (b[i] & 0xFF);
        }
        return w;
    }

    /** The last eight bytes of a range of eight or more; 0 for a shorter one, which {@link #head} holds whole. */
    public static long tail(byte[] b, int from, int len) {
        return len >= Long.BYTES ? (long) WORDS.get(b, from + len - Long.BYTES) : 0;
    }

    /**
     * Whether {@code b[from, from + len)} equals {@code key} (exactly {@code len} bytes) between their
     * first and last eight bytes, which the caller compares itself; nothing to compare up to 16 bytes.
     * Eight bytes at a time: the last read may reach back into the first eight, so a difference there
     * can also answer false.
     */
    public static boolean middleEquals(byte[] key, byte[] b, int from, int len) {
        for (int i = Long.BYTES; i < len - Long.BYTES; i += Long.BYTES) {
            int at = Math.min(i, len - WHOLE);
            if ((long) WORDS.get(key, at) != (long) WORDS.get(b, from + at)) {
                return false;
            }
        }
        return true;
    }

    /** A well-mixed hash of the three, for tables indexed by its high bits. */
    public static long hash(long head, long tail, int len) {
        long h = len + head * 0x9E37_79B9_7F4A_7C15L;
        h ^= tail * 0xC2B2_AE3D_27D4_EB4FL;
        h ^= h >>> 29;
        return h * 0xBF58_476D_1CE4_E5B9L;
    }
}
