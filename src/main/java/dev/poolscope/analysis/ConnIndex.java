package dev.poolscope.analysis;

/**
 * The open checkouts by (process, connection), and how a connection id is stored. The index is built
 * only when a checkin first needs to look up by connection alone: a log of never-returned checkouts
 * never pays for it.
 *
 * <p>A connection id is stored as a long: the number itself when it is a canonical decimal of at most 18 digits,
 * else its interned text's number as {@code -(n + 2)}; {@link #NONE} when the checkout named none.
 */
final class ConnIndex {
    static final long NONE = -1;
    /** What {@link #find} gives for an id no open checkout has. */
    static final long UNKNOWN = Long.MIN_VALUE;

    private final SlotColumns col;
    private final CheckoutContexts contexts;
    private final Interner<String> ids;
    private SlotIndex index;

    ConnIndex(SlotColumns col, CheckoutContexts contexts, Interner<String> ids) {
        this.col = col;
        this.contexts = contexts;
        this.ids = ids;
    }

    /** The stored form of a new checkout's connection id (interned until {@link #release}). */
    long encode(String connId) {
        if (connId == null) {
            return NONE;
        }
        long v = parseNumber(connId);
        return v >= 0 ? v : -(ids.acquire(connId) + 2L);
    }

    /** The stored form of a connection id already in use, or {@link #UNKNOWN} when no open checkout has it. */
    long find(String connId) {
        long v = parseNumber(connId);
        if (v >= 0) {
            return v;
        }
        int id = ids.find(connId);
        return id < 0 ? UNKNOWN : -(id + 2L);
    }

    String decode(long v) {
        return v == NONE ? null : v >= 0 ? Long.toString(v) : ids.get((int) (-v - 2));
    }

    void release(long v) {
        if (v < NONE) {
            ids.release((int) (-v - 2));
        }
    }

    /**
     * A canonical decimal number of at most 18 digits (no sign, no leading zero), or -1: below 10^18, so it
     * never overflows nor meets the text ids' negative range.
     */
    static long parseNumber(String s) {
        int n = s.length();
        if (n == 0 || n > 18 || (s.charAt(0) == '0' && n > 1)) {
            return -1;
        }
        long v = 0;
        for (int k = 0; k < n; k++) {
            int d = s.charAt(k) - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            v = v * 10 + d;
        }
        return v;
    }

    // ---- the index, once built; the store calls these for every slot with a connection

    void add(int s) {
        if (index != null) {
            index.add(hash(s), s);
        }
    }

    void remove(int s) {
        if (index != null) {
            index.remove(hash(s), s);
        }
    }

    void repoint(int from, int to) {
        if (index != null) {
            index.repoint(hash(to), from, to);
        }
    }

    /** The latest open checkout of this process with this connection, or -1. */
    int latest(int process, long conn) {
        if (index == null) {
            index = new SlotIndex(this::hash);
            for (int s = 0; s < col.top; s++) {
                if (col.live(s) && col.conn(s) != NONE) {
                    index.add(hash(s), s);
                }
            }
        }
        long h = hash(process, conn);
        int[] t = index.table(h);
        int best = -1;
        for (int j = SlotIndex.home(h, t.length); t[j] != 0; j = SlotIndex.next(j, t.length)) {
            if (SlotIndex.matches(t[j], h)) {
                int s = SlotIndex.slotOf(t[j]);
                if (s > best && col.conn(s) == conn   // (>=: a slot is in the table once, equivalent)
                        && contexts.processOf(col.word(s) & SlotColumns.CTX_MASK) == process) {
                    best = s;
                }
            }
        }
        return best;
    }

    private long hash(int s) {
        return hash(contexts.processOf(col.word(s) & SlotColumns.CTX_MASK), col.conn(s));
    }

    /** (Any other mixing is as good: the index only needs the same hash for the same pair.) */
    private static long hash(int process, long conn) {
        return Uuid.mix(conn * 0xC2B2_AE3D_27D4_EB4FL + process);
    }
}
