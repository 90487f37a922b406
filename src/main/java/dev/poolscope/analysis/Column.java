package dev.poolscope.analysis;

/**
 * One chunk of one numeric field, frame-of-reference coded: values are stored as differences from the
 * chunk's first value, in shorts while they fit, then ints, then as plain longs. The store keeps
 * checkouts in arrival order, so a chunk holds neighbours in time: times, lines and (often) connection
 * ids differ little within it, and most chunks need 2 or 4 bytes a value instead of 8.
 */
final class Column {
    private final int length;
    private long base;
    private boolean empty = true;
    private short[] shorts;
    private int[] ints;
    private long[] longs;

    Column(int length) {
        this.length = length;
        this.shorts = new short[length];
    }

    long get(int i) {
        return shorts != null ? base + shorts[i] : ints != null ? base + ints[i] : longs[i];
    }

    void set(int i, long v) {
        if (empty) {
            base = v;
            empty = false;
        }
        long d = v - base;
        boolean overflow = ((v ^ base) & (v ^ d)) < 0;
        if (shorts != null) {
            if (!overflow && d == (short) d) {
                shorts[i] = (short) d;
                return;
            }
            widen();
        }
        if (ints != null) {
            if (!overflow && d == (int) d) {
                ints[i] = (int) d;
                return;
            }
            widen();
        }
        longs[i] = v;
    }

    /** Bytes per value now: 2, 4 or 8. */
    int width() {
        return shorts != null ? 2 : ints != null ? 4 : 8;
    }

    private void widen() {
        if (shorts != null) {
            ints = new int[length];
            for (int i = 0; i < length; i++) {
                ints[i] = shorts[i];
            }
            shorts = null;
        } else {
            longs = new long[length];
            for (int i = 0; i < length; i++) {
                longs[i] = base + ints[i];
            }
            ints = null;
        }
    }
}
