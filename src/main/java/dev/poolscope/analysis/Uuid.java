package dev.poolscope.analysis;

import java.util.Arrays;

/** Lowercase 8-4-4-4-12 UUIDs as two longs, so that compact tables keep request ids without a String. */
final class Uuid {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Uuid() {}

    private static final byte[] DIGIT = new byte[128];

    static {
        Arrays.fill(DIGIT, (byte) -1);
        for (int d = 0; d < 16; d++) {
            DIGIT[HEX[d]] = (byte) d;
        }
    }

    /** The four dashes' share of the text's hash (they sit at 8, 13, 18 and 23). */
    private static final int DASHES_HASH = '-' * (pow31(35 - 8) + pow31(35 - 13) + pow31(35 - 18) + pow31(35 - 23));
    /** Entry (p << 4 | d): hex digit d at digit position p, weighted by its place in the text. */
    private static final int[] DIGIT_HASH = new int[32 * 16];

    static {
        for (int p = 0; p < 32; p++) {
            for (int d = 0; d < 16; d++) {
                DIGIT_HASH[p << 4 | d] = HEX[d] * pow31(35 - charIndex(p));
            }
        }
    }

    /** Where the p-th of the 32 hex digits sits in the 36-character text. */
    private static int charIndex(int p) {
        return p < 8 ? p : p < 12 ? p + 1 : p < 16 ? p + 2 : p < 20 ? p + 3 : p + 4;
    }

    /** 31 to the power n, wrapping as String's hash does. */
    private static int pow31(int n) {
        int r = 1;
        for (int i = 0; i < n; i++) {
            r *= 31;
        }
        return r;
    }

    /** Parses {@code s} into out[0] (high) and out[1] (low); false, out unspecified, when it is not one. */
    static boolean parse(String s, long[] out) {
        if (s.length() != 36 || s.charAt(8) != '-' || s.charAt(13) != '-' || s.charAt(18) != '-'
                || s.charAt(23) != '-') {
            return false;
        }
        long hi = hex(s, 0, 8, 0);
        hi = hex(s, 9, 13, hi);
        hi = hex(s, 14, 18, hi);
        long lo = hex(s, 19, 23, 0);
        lo = hex(s, 24, 36, lo);
        if ((hi | lo) == -1 && bad(s)) {
            return false;
        }
        out[0] = hi;
        out[1] = lo;
        return true;
    }

    /** Appends the hex digits of s[from, to) to v; -1 (all ones) when one is not a lowercase hex digit. */
    private static long hex(String s, int from, int to, long v) {
        if (v == -1) {
            return -1;
        }
        for (int k = from; k < to; k++) {
            char ch = s.charAt(k);
            int d = ch < 128 ? DIGIT[ch] : -1;
            if (d < 0) {
                return -1;
            }
            v = v << 4 | d;
        }
        return v;
    }

    /** Whether some character is not a lowercase hex digit (all-ones results are ambiguous otherwise). */
    private static boolean bad(String s) {
        for (int k = 0; k < 36; k++) {
            char ch = s.charAt(k);
            if (k != 8 && k != 13 && k != 18 && k != 23 && (ch >= 128 || DIGIT[ch] < 0)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Recently parsed texts and their results, by identity: the decoder hands out one String per request
     * id while the request's lines keep coming, and an event's id is looked up several times in a row.
     */
    static final class Cache {
        private static final int SIZE = 64;
        private final String[] texts = new String[SIZE];
        private final boolean[] oks = new boolean[SIZE];
        private final long[] values = new long[2 * SIZE];

        /** Like {@link Uuid#parse}, remembering the result for this String instance. */
        boolean parse(String s, long[] out) {
            int i = s.hashCode() & (SIZE - 1);
            if (texts[i] != s) {
                oks[i] = Uuid.parse(s, out);
                values[2 * i] = out[0];
                values[2 * i + 1] = out[1];
                texts[i] = s;
            }
            out[0] = values[2 * i];
            out[1] = values[2 * i + 1];
            return oks[i];
        }
    }

    /** The text again: {@code format(parse(s))} is {@code s}. */
    static String format(long hi, long lo) {
        char[] out = new char[36];
        int k = 35;
        for (int n = 0; n < 16; n++, lo >>>= 4) {
            if (k == 23) {
                out[k--] = '-';
            }
            out[k--] = HEX[(int) (lo & 15)];
        }
        for (int n = 0; n < 16; n++, hi >>>= 4) {
            if (k == 18 || k == 13 || k == 8) {
                out[k--] = '-';
            }
            out[k--] = HEX[(int) (hi & 15)];
        }
        return new String(out);
    }

    /**
     * {@code format(hi, lo).hashCode()}, without making the string: tables hash request ids by their text.
     * String's hash is the sum of each character times 31 to the power of the characters after it, so it
     * is the dashes' fixed share plus one table entry per hex digit: no chain of multiplications.
     */
    static int textHash(long hi, long lo) {
        int h = DASHES_HASH;
        for (int p = 0; p < 16; p++) {
            h += DIGIT_HASH[p << 4 | (int) (hi >>> (60 - 4 * p)) & 15];
            h += DIGIT_HASH[(16 + p) << 4 | (int) (lo >>> (60 - 4 * p)) & 15];
        }
        return h;
    }

    /** The finaliser of SplitMix64: every input bit moves every output bit. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58_476D_1CE4_E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D0_49BB_1331_11EBL;
        return z ^ (z >>> 31);
    }
}
