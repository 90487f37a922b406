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

    /**
     * Both texts are searched at once through their first {@code WINDOW} bytes, shifting on the last two
     * bytes under the window (a q-gram Horspool, q = 2): common letters pair up with the texts' letters
     * far less often than they match them one by one, so the window mostly moves its full width.
     */
    private static final int WINDOW = Math.min(EXHAUSTED.bytes.length, TIMEOUT.bytes.length);
    private static final byte[] PAIR_SHIFTS = pairShifts();
    private static final byte[] EXHAUSTED_BYTES = EXHAUSTED.bytes;
    private static final byte[] TIMEOUT_BYTES = TIMEOUT.bytes;

    private final byte[] bytes;

    Needles(String text) {
        this.bytes = text.getBytes(StandardCharsets.US_ASCII);
    }

    String text() {
        return new String(bytes, StandardCharsets.US_ASCII);
    }

    /** {@link #find}'s answer: bit set when "connection pool exhausted" occurs. */
    static final int EXHAUSTED_FOUND = 1;
    /** {@link #find}'s answer: bit set when the statement-timeout text occurs. */
    static final int TIMEOUT_FOUND = 2;

    /** Whether {@code b[from, to)} may hold either text: shorter ranges need no search. */
    static boolean mayHold(int from, int to) {
        return to - from >= WINDOW;
    }

    /**
     * Which of the two texts {@code b[from, to)} contains ({@link #EXHAUSTED_FOUND}, {@link #TIMEOUT_FOUND}):
     * one pass, which stops at every window where either text could start. Ranges with neither, the
     * common case, mostly move the window its full width.
     */
    static int find(byte[] b, int from, int to) {
        int found = 0;
        for (int i = from + WINDOW - 1; i < to; ) {
            int shift = PAIR_SHIFTS[(b[i - 1] & 0xFF) << 8 | (b[i] & 0xFF)];
            if (shift == 0) {
                int at = i - WINDOW + 1;
                if (matchesAt(b, at, to, EXHAUSTED_BYTES)) {
                    found |= EXHAUSTED_FOUND;
                } else if (matchesAt(b, at, to, TIMEOUT_BYTES)) {
                    found |= TIMEOUT_FOUND;
                }
                shift = 1;
            }
            i += shift;
        }
        return found;
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

    /**
     * For each pair of bytes ending at the window's last position: how far the window may move. A pair
     * found nowhere in either text's window moves it {@code WINDOW - 1}, so that an occurrence starting
     * at the window's last byte is still seen.
     */
    private static byte[] pairShifts() {
        byte[] shifts = new byte[1 << 16];
        Arrays.fill(shifts, (byte) (WINDOW - 1));
        for (byte[] needle : new byte[][] {EXHAUSTED.bytes, TIMEOUT.bytes}) {
            for (int k = 1; k < WINDOW; k++) {
                int pair = (needle[k - 1] & 0xFF) << 8 | (needle[k] & 0xFF);
                shifts[pair] = (byte) Math.min(shifts[pair], WINDOW - 1 - k);
            }
        }
        return shifts;
    }
}
