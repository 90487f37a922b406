package dev.poolscope.analysis;

import java.util.Arrays;

/**
 * The open-checkout store's columns: one slot per checkout, its fields in primitive arrays allocated in
 * chunks of 16,384 slots. Slots are handed out in arrival order; a closed slot only gets the
 * {@link #DEAD} bit until {@link #compact} copies the live ones down, in order, into fresh chunks (when
 * closed slots make up a fifth of the store; the old chunks are dropped as the copy passes them). A slot
 * holds the request id (a UUID's two longs, or an interned number), the connection, the time, the line,
 * and one int: the (process, source, endpoint, thread) context's number with flag bits on top.
 *
 * <p>{@link OpenCheckouts} reads and writes the arrays directly: they sit under its innermost look-up
 * loops, where an accessor per field would depend on the JIT's inlining depth (bin/poolscope lowers it).
 */
final class SlotColumns {
    static final int CHUNK_BITS = 14;
    static final int CHUNK = 1 << CHUNK_BITS;
    static final int MASK = CHUNK - 1;
    // A slot's word: the (process, source, endpoint) context number, flags, and the request id's form.
    static final int CTX_MASK = (1 << 27) - 1;
    /** The bit that marks a slot closed. */
    static final int DEAD = 1 << 27;
    static final int ENDED = 1 << 28;
    static final int SUSPECT = 1 << 29;
    static final int REQ_SHIFT = 30;
    static final int REQ_NONE = 0;
    static final int REQ_UUID = 1;
    static final int REQ_INTERNED = 2;

    /** The request id: a UUID's two halves, or (hi = 0) an interned id's number in lo. */
    long[][] reqHi = new long[0][];
    long[][] reqLo = new long[0][];
    Column[] conns = new Column[0];
    Column[] times = new Column[0];
    Column[] lines = new Column[0];
    /** The context number and the flags. */
    int[][] words = new int[0][];
    /** Slots handed out since the last compaction, open or not. */
    int top;

    /** Where a live slot went during a compaction (called for every live slot, moved or not). */
    interface Moved {
        void moved(int from, int to);
    }

    /** A fresh slot, higher than every other. */
    int allocate() {
        if (top >= SlotIndex.MAX_SLOTS) {
            throw new IllegalStateException("more than " + SlotIndex.MAX_SLOTS + " checkouts in the store");
        }
        int c = top >>> CHUNK_BITS;
        if (c == words.length) {
            int n = c + 1;
            reqHi = Arrays.copyOf(reqHi, n);
            reqLo = Arrays.copyOf(reqLo, n);
            conns = Arrays.copyOf(conns, n);
            times = Arrays.copyOf(times, n);
            lines = Arrays.copyOf(lines, n);
            words = Arrays.copyOf(words, n);
        }
        if (words[c] == null) {
            reqHi[c] = new long[CHUNK];
            reqLo[c] = new long[CHUNK];
            conns[c] = new Column(CHUNK);
            times[c] = new Column(CHUNK);
            lines[c] = new Column(CHUNK);
            words[c] = new int[CHUNK];
        }
        return top++;
    }

    boolean live(int s) {
        return (words[s >>> CHUNK_BITS][s & MASK] & DEAD) == 0;
    }

    int word(int s) {
        return words[s >>> CHUNK_BITS][s & MASK];
    }

    long conn(int s) {
        return conns[s >>> CHUNK_BITS].get(s & MASK);
    }

    long time(int s) {
        return times[s >>> CHUNK_BITS].get(s & MASK);
    }

    long line(int s) {
        return lines[s >>> CHUNK_BITS].get(s & MASK);
    }

    /**
     * Copies the {@code live} open slots down, in order, into fresh chunks, dropping each old chunk once
     * passed (so at most a chunk more is held meanwhile), and tells {@code moved} where each went.
     */
    void compact(long live, Moved moved) {
        long[][] oldHi = reqHi;
        long[][] oldLo = reqLo;
        Column[] oldConns = conns;
        Column[] oldTimes = times;
        Column[] oldLines = lines;
        int[][] oldWords = words;
        int oldTop = top;
        int chunks = (int) ((live + CHUNK - 1) >>> CHUNK_BITS);
        reqHi = new long[chunks][];
        reqLo = new long[chunks][];
        conns = new Column[chunks];
        times = new Column[chunks];
        lines = new Column[chunks];
        words = new int[chunks][];
        top = 0;
        for (int r = 0; r < oldTop; r++) {
            int oc = r >>> CHUNK_BITS;
            int oi = r & MASK;
            int word = oldWords[oc][oi];
            if ((word & DEAD) == 0) {
                int w = allocate();
                int c = w >>> CHUNK_BITS;
                int i = w & MASK;
                reqHi[c][i] = oldHi[oc][oi];
                reqLo[c][i] = oldLo[oc][oi];
                conns[c].set(i, oldConns[oc].get(oi));
                times[c].set(i, oldTimes[oc].get(oi));
                lines[c].set(i, oldLines[oc].get(oi));
                words[c][i] = word;
                moved.moved(r, w);
            }
            if (oi == MASK || r == oldTop - 1) {
                oldHi[oc] = null;
                oldLo[oc] = null;
                oldConns[oc] = null;
                oldTimes[oc] = null;
                oldLines[oc] = null;
                oldWords[oc] = null;
            }
        }
    }
}
