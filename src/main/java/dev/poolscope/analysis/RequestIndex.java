package dev.poolscope.analysis;

import static dev.poolscope.analysis.SlotColumns.CHUNK_BITS;
import static dev.poolscope.analysis.SlotColumns.CTX_MASK;
import static dev.poolscope.analysis.SlotColumns.MASK;
import static dev.poolscope.analysis.SlotColumns.REQ_INTERNED;
import static dev.poolscope.analysis.SlotColumns.REQ_SHIFT;
import static dev.poolscope.analysis.SlotColumns.REQ_UUID;

/**
 * The open checkouts by (process, request id), and the key of the latest look-up, given as text or as
 * the numbers a slot stores. The key is reused, so a look-up makes no objects (one thread). Anonymous
 * checkouts are indexed under their process.
 *
 * <p>Hashes are of the request id's text, as {@code String.hashCode()} gives it, whichever form holds
 * it: a text key is hashed without parsing, and parsed into a UUID only if a candidate slot holds one.
 */
final class RequestIndex {
    /** Anonymous checkouts are indexed under their process with this in place of a request id's hash. */
    static final int NO_REQUEST_HASH = 0x5BD1_E995;

    private final SlotColumns col;
    private final CheckoutContexts contexts;
    private final Interner<String> ids;
    private final Uuid.Cache uuids;
    private final long[] uuid = new long[2];
    private final SlotIndex index = new SlotIndex(this::hashOfSlot);

    int process;
    private int kind;
    /** A UUID's halves: the key's, or after {@link #parseUuid} the parsed text's. */
    long hi;
    long lo;
    /** The request id's text, or null when kind/hi/lo are the key (read from a slot, or anonymous). */
    private String text;
    private boolean parsed;
    long hash;

    RequestIndex(SlotColumns col, CheckoutContexts contexts, Interner<String> ids, Uuid.Cache uuids) {
        this.col = col;
        this.contexts = contexts;
        this.ids = ids;
        this.uuids = uuids;
    }

    void add(long hash, int s) {
        index.add(hash, s);
    }

    void remove(int s) {
        index.remove(hashOfSlot(s), s);
    }

    void repoint(int from, int to) {
        index.repoint(hashOfSlot(to), from, to);
    }

    /** The latest open checkout with the key, with the given connection unless {@code anyConn}; or -1. */
    int latest(long conn, boolean anyConn) {
        long h = hash;
        int[] t = index.table(h);
        int best = -1;
        for (int j = SlotIndex.home(h, t.length); t[j] != 0; j = SlotIndex.next(j, t.length)) {
            if (SlotIndex.matches(t[j], h)) {
                int s = SlotIndex.slotOf(t[j]);
                if (s > best && matches(s) && (anyConn || col.conn(s) == conn)) {
                    best = s;
                }
            }
        }
        return best;
    }

    /** Visits the open checkouts with the key. */
    void visit(java.util.function.IntConsumer action) {
        long h = hash;
        int[] t = index.table(h);
        for (int j = SlotIndex.home(h, t.length); t[j] != 0; j = SlotIndex.next(j, t.length)) {
            if (SlotIndex.matches(t[j], h)) {
                int s = SlotIndex.slotOf(t[j]);
                if (matches(s)) {
                    action.accept(s);
                }
            }
        }
    }

    /** Sets the key to (process, request id text). Always true: an unknown id simply finds nothing. */
    boolean probe(int process, String requestId) {
        this.process = process;
        this.text = requestId;
        this.parsed = false;
        this.hash = hashOf(process, requestId.hashCode());
        return true;
    }

    /** Sets the key from stored numbers. */
    void set(int process, int kind, long hi, long lo) {
        this.process = process;
        this.text = null;
        this.parsed = true;
        this.kind = kind;
        this.hi = hi;
        this.lo = lo;
        this.hash = hashOf(process, textHash(kind, hi, lo));
    }

    /** Sets the key to slot s's process and request. */
    void setFromSlot(int s) {
        int c = s >>> CHUNK_BITS;
        int i = s & MASK;
        int word = col.words[c][i];
        set(contexts.processOf(word & CTX_MASK), word >>> REQ_SHIFT, col.reqHi[c][i], col.reqLo[c][i]);
    }

    /** Whether slot s holds the key. */
    boolean matches(int s) {
        int c = s >>> CHUNK_BITS;
        int i = s & MASK;
        int word = col.words[c][i];
        if (contexts.processOf(word & CTX_MASK) != process) {
            return false;
        }
        int slotKind = word >>> REQ_SHIFT;
        if (text != null && slotKind == REQ_INTERNED) {
            return text.equals(ids.get((int) col.reqLo[c][i]));
        }
        if (!parsed) {
            kind = parseUuid(text) ? REQ_UUID : REQ_INTERNED;
            parsed = true;
        }
        return slotKind == kind && col.reqLo[c][i] == lo && col.reqHi[c][i] == hi
                && (slotKind != REQ_INTERNED || text == null);
    }

    /** Parses a lowercase UUID into hi/lo; false (hi/lo unspecified) otherwise. */
    boolean parseUuid(String s) {
        if (!uuids.parse(s, uuid)) {
            return false;
        }
        hi = uuid[0];
        lo = uuid[1];
        return true;
    }

    /** The request index's hash of slot s. */
    long hashOfSlot(int s) {
        int c = s >>> CHUNK_BITS;
        int i = s & MASK;
        int word = col.words[c][i];
        return hashOf(contexts.processOf(word & CTX_MASK), textHash(word >>> REQ_SHIFT, col.reqHi[c][i], col.reqLo[c][i]));
    }

    /** The hash of a stored request id's text, as {@code String.hashCode()} would give it. */
    private int textHash(int kind, long hi, long lo) {
        return switch (kind) {
            case REQ_UUID -> Uuid.textHash(hi, lo);
            case REQ_INTERNED -> ids.get((int) lo).hashCode();
            default -> NO_REQUEST_HASH;
        };
    }

    static long hashOf(int process, int textHash) {
        return Uuid.mix(textHash * 0x9E37_79B9_7F4A_7C15L + process);
    }
}
