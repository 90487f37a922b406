package dev.poolscope.event;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The Strings of a field whose values repeat line after line (event name, process id, host, method),
 * found again by their bytes: no String per line, and the analysis, which keys maps on some of them,
 * gets one instance with its hash computed once. Keyed by the length and the first and last eight
 * bytes, which for values up to 16 bytes are the whole value: finding one costs two word reads and
 * three comparisons. Direct-mapped and bounded; one per decoder (not thread-safe).
 */
final class ValueCache {
    private static final VarHandle WORDS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final int SLOT_BITS = 6;
    static final int MAX_BYTES = 48;

    private final int[] lengths = new int[1 << SLOT_BITS];
    private final long[] heads = new long[1 << SLOT_BITS];
    private final long[] tails = new long[1 << SLOT_BITS];
    private final byte[][] keys = new byte[1 << SLOT_BITS][];
    private final String[] strings = new String[1 << SLOT_BITS];

    /** The text of {@code b[from, from + len)}, decoded as UTF-8 or Latin-1 as the caller found it. */
    String get(byte[] b, int from, int len, boolean utf8) {
        if (len > MAX_BYTES) {
            return decode(b, from, len, utf8);
        }
        // Up to 16 bytes the first and last eight (overlapping) are the whole value: two word compares.
        long head;
        long tail;
        if (len >= Long.BYTES) {
            head = (long) WORDS.get(b, from);
            tail = (long) WORDS.get(b, from + len - Long.BYTES);
        } else {
            head = 0;
            for (int i = from + len - 1; i >= from; i--) {
                head = head << 8 | (b[i] & 0xFF);
            }
            tail = 0;
        }
        int slot = slot(head, tail, len);
        if (strings[slot] != null && lengths[slot] == len && heads[slot] == head && tails[slot] == tail
                && (len <= 2 * Long.BYTES || middleEquals(keys[slot], b, from, len))) {
            return strings[slot];
        }
        String s = decode(b, from, len, utf8);
        lengths[slot] = len;
        heads[slot] = head;
        tails[slot] = tail;
        keys[slot] = len <= 2 * Long.BYTES ? null : Arrays.copyOfRange(b, from, from + len);
        strings[slot] = s;
        return s;
    }

    private static boolean middleEquals(byte[] key, byte[] b, int from, int len) {
        for (int i = Long.BYTES; i < len - Long.BYTES; i++) {
            if (key[i] != b[from + i]) {
                return false;
            }
        }
        return true;
    }

    private static int slot(long head, long tail, int len) {
        long h = len + head * 0x9E37_79B9_7F4A_7C15L;
        h ^= tail * 0xC2B2_AE3D_27D4_EB4FL;
        h ^= h >>> 29;
        h *= 0xBF58_476D_1CE4_E5B9L;
        return (int) (h >>> (Long.SIZE - SLOT_BITS));
    }

    private static String decode(byte[] b, int from, int len, boolean utf8) {
        return new String(b, from, len, utf8 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
    }
}
