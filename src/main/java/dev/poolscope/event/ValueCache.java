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
 * bytes, so finding a value costs two word reads and one comparison. Direct-mapped and bounded; one per
 * decoder (not thread-safe).
 */
final class ValueCache {
    private static final VarHandle WORDS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final int SLOT_BITS = 6;
    static final int MAX_BYTES = 48;

    private final byte[][] keys = new byte[1 << SLOT_BITS][];
    private final String[] strings = new String[1 << SLOT_BITS];

    /** The text of {@code b[from, from + len)}, decoded as UTF-8 or Latin-1 as the caller found it. */
    String get(byte[] b, int from, int len, boolean utf8) {
        if (len > MAX_BYTES) {
            return decode(b, from, len, utf8);
        }
        int slot = slot(b, from, len);
        byte[] key = keys[slot];
        if (key != null && Arrays.equals(key, 0, key.length, b, from, from + len)) {
            return strings[slot];
        }
        String s = decode(b, from, len, utf8);
        keys[slot] = Arrays.copyOfRange(b, from, from + len);
        strings[slot] = s;
        return s;
    }

    private static int slot(byte[] b, int from, int len) {
        long h = len;
        if (len >= Long.BYTES) {
            h += (long) WORDS.get(b, from) * 0x9E37_79B9_7F4A_7C15L;
            h ^= (long) WORDS.get(b, from + len - Long.BYTES) * 0xC2B2_AE3D_27D4_EB4FL;
        } else {
            for (int i = from; i < from + len; i++) {
                h = h * 0x100_0000_01B3L + b[i];
            }
            h *= 0x9E37_79B9_7F4A_7C15L;
        }
        h ^= h >>> 29;
        h *= 0xBF58_476D_1CE4_E5B9L;
        return (int) (h >>> (Long.SIZE - SLOT_BITS));
    }

    private static String decode(byte[] b, int from, int len, boolean utf8) {
        return new String(b, from, len, utf8 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
    }
}
