package dev.poolscope.event;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The two texts the decoder looks for in string values, searched for in raw line bytes (Horspool).
 * Without backslash-u escapes (which {@link LinePrefilter} leaves to jackson) a decoded string holds
 * such a text exactly when its raw bytes do: the other escapes stand for characters these texts do not
 * contain, and neither text starts with a letter that can follow a backslash.
 */
enum Needles {
    EXHAUSTED(EventNames.EXHAUSTED_TEXT),
    TIMEOUT(EventNames.STATEMENT_TIMEOUT_TEXT);

    /** Both texts are searched at once through their first {@code WINDOW} bytes. */
    private static final int WINDOW = Math.min(EXHAUSTED.bytes.length, TIMEOUT.bytes.length);
    private static final int[] BOTH_SHIFTS = shifts(WINDOW, EXHAUSTED.bytes, TIMEOUT.bytes);

    private final byte[] bytes;
    private final int[] shifts;

    Needles(String text) {
        this.bytes = text.getBytes(StandardCharsets.US_ASCII);
        this.shifts = shifts(bytes.length, bytes);
    }

    String text() {
        return new String(bytes, StandardCharsets.US_ASCII);
    }

    /** Whether {@code b[from, to)} contains this text. */
    boolean in(byte[] b, int from, int to) {
        return indexIn(b, from, to) >= 0;
    }

    /** Where this text first starts in {@code b[from, to)}, or -1. */
    int indexIn(byte[] b, int from, int to) {
        int m = bytes.length;
        for (int i = from + m - 1; i < to; i += shifts[b[i] & 0xFF]) {
            if (b[i] == bytes[m - 1] && matchesAt(b, i - m + 1, to, bytes)) {
                return i - m + 1;
            }
        }
        return -1;
    }

    int length() {
        return bytes.length;
    }

    /** Whether {@code b[from, to)} contains either text: one pass for the common line that has neither. */
    static boolean containsAny(byte[] b, int from, int to) {
        for (int i = from + WINDOW - 1; i < to; i += BOTH_SHIFTS[b[i] & 0xFF]) {
            int at = i - WINDOW + 1;
            for (Needles n : values()) {
                if (b[i] == n.bytes[WINDOW - 1] && matchesAt(b, at, to, n.bytes)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean matchesAt(byte[] b, int at, int to, byte[] needle) {
        if (at + needle.length > to) {
            return false;
        }
        for (int k = 0; k < needle.length; k++) {
            if (b[at + k] != needle[k]) {
                return false;
            }
        }
        return true;
    }

    /** For each byte: how far the window may move when it sits under the window's last position. */
    private static int[] shifts(int window, byte[]... needles) {
        int[] shifts = new int[256];
        Arrays.fill(shifts, window);
        for (byte[] needle : needles) {
            for (int k = 0; k < window - 1; k++) {
                int c = needle[k] & 0xFF;
                shifts[c] = Math.min(shifts[c], window - 1 - k);
            }
        }
        return shifts;
    }
}
