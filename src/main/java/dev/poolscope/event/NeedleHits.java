package dev.poolscope.event;

/**
 * Where one text occurs in a line, found in one pass over the raw bytes, so that asking whether a
 * string value holds it costs a comparison of offsets instead of a search of every value. A hostile
 * line with more occurrences than are kept falls back to searching the value itself.
 */
final class NeedleHits {
    private static final int KEPT = 8;

    private final Needles text;
    private final int[] starts = new int[KEPT];
    private int count;
    private boolean overflow;

    NeedleHits(Needles text) {
        this.text = text;
    }

    /** Forgets the last line's occurrences. */
    void clear() {
        count = 0;
        overflow = false;
    }

    /** One more occurrence, starting at {@code at}, in the line being searched. */
    void add(int at) {
        if (count == KEPT) {
            overflow = true;
        } else {
            starts[count++] = at;
        }
    }

    /** Whether {@code b[from, to)} of the line last searched ({@link Needles#find}) contains the text. */
    boolean within(byte[] b, int from, int to) {
        if (overflow) {
            return text.in(b, from, to);
        }
        for (int k = 0; k < count; k++) {
            if (starts[k] >= from && starts[k] + text.length() <= to) {
                return true;
            }
        }
        return false;
    }
}
