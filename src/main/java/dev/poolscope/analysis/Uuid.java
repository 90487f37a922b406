package dev.poolscope.analysis;

/** Lowercase 8-4-4-4-12 UUIDs as two longs, so that compact tables keep request ids without a String. */
final class Uuid {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Uuid() {}

    /** Parses {@code s} into out[0] (high) and out[1] (low); false, out unspecified, when it is not one. */
    static boolean parse(String s, long[] out) {
        if (s.length() != 36 || s.charAt(8) != '-' || s.charAt(13) != '-' || s.charAt(18) != '-'
                || s.charAt(23) != '-') {
            return false;
        }
        long hi = 0;
        long lo = 0;
        for (int k = 0; k < 36; k++) {
            if (k == 8 || k == 13 || k == 18 || k == 23) {
                continue;
            }
            char ch = s.charAt(k);
            int d = ch >= '0' && ch <= '9' ? ch - '0' : ch >= 'a' && ch <= 'f' ? ch - 'a' + 10 : -1;
            if (d < 0) {
                return false;
            }
            if (k < 19) {
                hi = hi << 4 | d;
            } else {
                lo = lo << 4 | d;
            }
        }
        out[0] = hi;
        out[1] = lo;
        return true;
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

    /** The finaliser of SplitMix64: every input bit moves every output bit. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58_476D_1CE4_E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D0_49BB_1331_11EBL;
        return z ^ (z >>> 31);
    }
}
