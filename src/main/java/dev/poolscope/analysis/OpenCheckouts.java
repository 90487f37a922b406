package dev.poolscope.analysis;

import dev.poolscope.event.PoolEvent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * The checkouts currently open, in a compact store: one int slot per checkout, its fields in primitive
 * arrays allocated in chunks, about 40 bytes a checkout with its index (docs/performance.md), where an
 * object per checkout in two hash maps cost 690. Freed slots are reused.
 *
 * <p>Layout of a slot: the request id as two longs when it is a lowercase UUID (anything else is interned
 * to an int, flagged); the connection id in 48 bits when numeric (else interned, stored negative); the
 * time in 48 bits from the first time stored; the line in 32; an arrival number in 32; and one int naming
 * the (process, source, endpoint) triple, interned, with four flag bits on top. Values that do not fit
 * go to a side map, flagged: rare by construction.
 *
 * <p>Pairing rules (unchanged from the object version): a checkin closes the latest open checkout of its
 * request with its connection; else the latest of its connection, unless both name different requests;
 * else the latest of its request without a connection (or any, when the checkin has none); a checkin
 * with neither closes the latest anonymous checkout of its process. "Latest" is the highest arrival
 * number. The request index holds every checkout with a request id, and the anonymous ones under their
 * process; the connection index is built only when a checkin first needs to look up by connection alone
 * (a log of never-returned checkouts never pays for it).
 */
final class OpenCheckouts {
    private static final int CHUNK_BITS = 14;
    private static final int CHUNK = 1 << CHUNK_BITS;
    private static final int MASK = CHUNK - 1;

    private static final int FREE = -1;
    private static final int CTX_MASK = (1 << 28) - 1;
    private static final int ENDED = 1 << 28;
    private static final int SUSPECT = 1 << 29;
    private static final int REQ_SHIFT = 30;
    private static final int REQ_NONE = 0;
    private static final int REQ_UUID = 1;
    private static final int REQ_INTERNED = 2;

    private static final long MAX48 = (1L << 47) - 1;
    private static final long TIME_NONE = -(1L << 47);
    private static final long TIME_WIDE = TIME_NONE + 1;
    private static final long CONN_NONE = -1;
    private static final int LINE_WIDE = -1;

    private record Ctx(int process, int source, int endpoint) {}

    private long[][] reqHi = new long[0][];
    private long[][] reqLo = new long[0][];
    private int[][] connLo = new int[0][];
    private short[][] connHi = new short[0][];
    private int[][] timeLo = new int[0][];
    private short[][] timeHi = new short[0][];
    /** {@code line + 1} as unsigned; for a free slot, the next free slot. */
    private int[][] lines = new int[0][];
    private int[][] seqs = new int[0][];
    private int[][] ctxs = new int[0][];

    private final Interner<String> names = new Interner<>();
    private final Interner<String> ids = new Interner<>();
    private final Interner<Ctx> contexts = new Interner<>();
    private int[] ctxProcess = new int[16];
    private int[] ctxSource = new int[16];
    private int[] ctxEndpoint = new int[16];

    private final Map<Integer, Long> wideTimes = new HashMap<>();
    private final Map<Integer, Long> wideLines = new HashMap<>();
    /** When each checkout's request ended; kept only for live mode, which reports how long ago. */
    private final Map<Integer, Long> endedAt;

    private final SlotIndex byRequest = new SlotIndex(this::requestHash);
    private SlotIndex byConn;

    private long timeBase = PoolEvent.NO_TIME;
    private int top;
    private int freeHead = -1;
    private long size;
    private long nextSeq;

    // the key of the latest look-up, set by probeKey (one thread: no objects for keys)
    private int kProcess;
    private int kKind;
    private long kHi;
    private long kLo;

    /** @param keepEndedAt whether to remember when requests ended (live mode) */
    OpenCheckouts(boolean keepEndedAt) {
        this.endedAt = keepEndedAt ? new HashMap<>() : null;
    }

    OpenCheckouts() {
        this(false);
    }

    /** Stores a checkout; returns its slot. */
    int add(String process, String requestId, String connId, long acquiredAt, String endpoint, String source,
            long line) {
        int s = allocate();
        int c = s >>> CHUNK_BITS;
        int i = s & MASK;
        int ctx = internCtx(process, source, endpoint);
        int kind = REQ_NONE;
        if (requestId != null) {
            kind = parseUuid(requestId) ? REQ_UUID : REQ_INTERNED;
            reqHi[c][i] = kind == REQ_UUID ? kHi : 0;
            reqLo[c][i] = kind == REQ_UUID ? kLo : ids.acquire(requestId);
        } else {
            reqHi[c][i] = 0;
            reqLo[c][i] = 0;
        }
        ctxs[c][i] = kind << REQ_SHIFT | ctx;
        set48(connLo[c], connHi[c], i, encodeConn(connId));
        set48(timeLo[c], timeHi[c], i, encodeTime(s, acquiredAt));
        if (line + 1 >= 0 && line + 1 < 0xFFFF_FFFFL) {
            lines[c][i] = (int) (line + 1);
        } else {
            lines[c][i] = LINE_WIDE;
            wideLines.put(s, line);
        }
        seqs[c][i] = (int) nextSeq++;
        size++;
        if (nextSeq > 0xFFFF_FFFFL) {
            renumber();
        }
        if (requestId != null || connId == null) {
            byRequest.add(requestHash(s), s);
        }
        if (byConn != null && connId != null) {
            byConn.add(connHash(s), s);
        }
        return s;
    }

    /** Stores a checkout restored from a summary. */
    int add(OpenCheckout o) {
        int s = add(o.process(), o.requestId(), o.connId(), o.acquiredAt(), o.endpoint(), o.source(), o.line());
        if (o.requestEnded()) {
            markEnded(s, PoolEvent.NO_TIME);
        }
        return s;
    }

    /** The slot a checkin with these ids closes, or -1 (an orphan). The checkout stays until {@link #remove}. */
    int find(String process, String requestId, String connId) {
        int proc = names.find(process);
        if (proc < 0 && process != null) {
            return -1;
        }
        long conn = connId == null ? CONN_NONE : findConn(connId);
        boolean connKnown = conn != Long.MIN_VALUE;
        boolean reqKnown = requestId != null && probeKey(proc, requestId);
        int match = -1;
        if (reqKnown && connId != null && connKnown) {
            match = latestOfRequest(conn, false);
        }
        if (match < 0 && connId != null && connKnown) {
            // The checkin may be logged outside the request's context; the connection still identifies it,
            // unless both name different requests (a connection reused within one timestamp, lines reordered).
            int byConnection = latestOfConn(proc, conn);
            if (byConnection >= 0 && (requestId == null || kindOf(byConnection) == REQ_NONE)) {
                match = byConnection;
            }
        }
        if (match < 0 && reqKnown) {
            // Without a connection id on the checkin, the request's latest checkout; with one, a checkout
            // whose getconn was logged before its connection was known.
            match = latestOfRequest(CONN_NONE, connId == null);
        }
        if (match < 0 && requestId == null && connId == null) {
            kProcess = proc;
            kKind = REQ_NONE;
            kHi = 0;
            kLo = 0;
            match = latestOfRequest(CONN_NONE, false);
        }
        return match;
    }

    /** Visits the open checkouts of one request; the action must not add or remove any. */
    void forEachOfRequest(String process, String requestId, IntConsumer action) {
        int proc = names.find(process);
        if (proc < 0 && process != null || !probeKey(proc, requestId)) {
            return;
        }
        visitKey(action);
    }

    /** Visits the open checkouts with the same request as slot s (s included); no strings are made. */
    void forEachSameRequest(int s, IntConsumer action) {
        int c = s >>> CHUNK_BITS;
        int i = s & MASK;
        int word = ctxs[c][i];
        kProcess = ctxProcess[word & CTX_MASK];
        kKind = word >>> REQ_SHIFT;
        kHi = reqHi[c][i];
        kLo = reqLo[c][i];
        visitKey(action);
    }

    private void visitKey(IntConsumer action) {
        long h = keyHash();
        int[] t = byRequest.table(h);
        for (int j = SlotIndex.home(h, t.length); t[j] != 0; j = SlotIndex.next(j, t.length)) {
            if (SlotIndex.matches(t[j], h)) {
                int s = SlotIndex.slotOf(t[j]);
                if (isKey(s)) {
                    action.accept(s);
                }
            }
        }
    }

    /** The open checkouts of one request, as slots (empty when none). */
    int[] ofRequest(String process, String requestId) {
        IntList out = new IntList();
        forEachOfRequest(process, requestId, out::add);
        return out.toArray();
    }

    /** Visits every open checkout, in slot order; the action may remove the visited one only. */
    void forEach(IntConsumer action) {
        for (int s = 0; s < top; s++) {
            if (ctxs[s >>> CHUNK_BITS][s & MASK] != FREE) {
                action.accept(s);
            }
        }
    }

    /** Every open checkout in arrival order. */
    int[] inOrder() {
        long[] keyed = new long[(int) size];
        int[] n = {0};
        forEach(s -> keyed[n[0]++] = (long) seqs[s >>> CHUNK_BITS][s & MASK] << 32 ^ Long.MIN_VALUE | s);
        Arrays.sort(keyed);
        int[] out = new int[keyed.length];
        for (int k = 0; k < keyed.length; k++) {
            out[k] = (int) keyed[k];
        }
        return out;
    }

    long size() {
        return size;
    }

    void remove(int s) {
        int c = s >>> CHUNK_BITS;
        int i = s & MASK;
        int word = ctxs[c][i];
        if (word == FREE) {
            throw new IllegalStateException("slot " + s + " is not open");
        }
        int kind = word >>> REQ_SHIFT;
        long conn = get48(connLo[c], connHi[c], i);
        if (kind != REQ_NONE || conn == CONN_NONE) {
            byRequest.remove(requestHash(s), s);
        }
        if (byConn != null && conn != CONN_NONE) {
            byConn.remove(connHash(s), s);
        }
        if (kind == REQ_INTERNED) {
            ids.release((int) reqLo[c][i]);
        }
        if (conn < CONN_NONE) {
            ids.release((int) (-conn - 2));
        }
        if (get48(timeLo[c], timeHi[c], i) == TIME_WIDE) {
            wideTimes.remove(s);
        }
        if (lines[c][i] == LINE_WIDE) {
            wideLines.remove(s);
        }
        if (endedAt != null) {
            endedAt.remove(s);
        }
        releaseCtx(word & CTX_MASK);
        ctxs[c][i] = FREE;
        lines[c][i] = freeHead;
        freeHead = s;
        size--;
    }

    // ---- fields of a slot

    String process(int s) {
        int id = ctxProcess[ctxOf(s)];
        return id < 0 ? null : names.get(id);
    }

    String source(int s) {
        int id = ctxSource[ctxOf(s)];
        return id < 0 ? null : names.get(id);
    }

    String endpoint(int s) {
        int id = ctxEndpoint[ctxOf(s)];
        return id < 0 ? null : names.get(id);
    }

    /** The (process, source, endpoint) triple's number: equal numbers, equal triples. */
    int context(int s) {
        return ctxOf(s);
    }

    /** Bounds every {@link #context} number. */
    int contexts() {
        return contexts.capacity();
    }

    String endpointOfContext(int ctx) {
        int id = ctxEndpoint[ctx];
        return id < 0 ? null : names.get(id);
    }

    String requestId(int s) {
        int c = s >>> CHUNK_BITS;
        int i = s & MASK;
        return switch (kindOf(s)) {
            case REQ_UUID -> formatUuid(reqHi[c][i], reqLo[c][i]);
            case REQ_INTERNED -> ids.get((int) reqLo[c][i]);
            default -> null;
        };
    }

    boolean hasRequest(int s) {
        return kindOf(s) != REQ_NONE;
    }

    String connId(int s) {
        long v = get48(connLo[s >>> CHUNK_BITS], connHi[s >>> CHUNK_BITS], s & MASK);
        return v == CONN_NONE ? null : v >= 0 ? Long.toString(v) : ids.get((int) (-v - 2));
    }

    long acquiredAt(int s) {
        long v = get48(timeLo[s >>> CHUNK_BITS], timeHi[s >>> CHUNK_BITS], s & MASK);
        return v == TIME_NONE ? PoolEvent.NO_TIME : v == TIME_WIDE ? wideTimes.get(s) : timeBase + v;
    }

    long line(int s) {
        int v = lines[s >>> CHUNK_BITS][s & MASK];
        return v == LINE_WIDE ? wideLines.get(s) : (v & 0xFFFF_FFFFL) - 1;
    }

    /** Arrival number: a later checkout has a higher one (compare unsigned). */
    int seq(int s) {
        return seqs[s >>> CHUNK_BITS][s & MASK];
    }

    boolean requestEnded(int s) {
        return (ctxs[s >>> CHUNK_BITS][s & MASK] & ENDED) != 0;
    }

    long endedAt(int s) {
        Long at = endedAt == null ? null : endedAt.get(s);
        return at == null ? PoolEvent.NO_TIME : at;
    }

    void markEnded(int s, long at) {
        ctxs[s >>> CHUNK_BITS][s & MASK] |= ENDED;
        if (endedAt != null) {
            endedAt.put(s, at);
        }
    }

    boolean suspect(int s) {
        return (ctxs[s >>> CHUNK_BITS][s & MASK] & SUSPECT) != 0;
    }

    void markSuspect(int s) {
        ctxs[s >>> CHUNK_BITS][s & MASK] |= SUSPECT;
    }

    /** A later event of the request names the endpoint a checkout was taken for. */
    void setEndpoint(int s, String endpoint) {
        int c = s >>> CHUNK_BITS;
        int i = s & MASK;
        int old = ctxs[c][i] & CTX_MASK;
        int ctx = internCtx(names.get(ctxProcess[old]), ctxSource[old] < 0 ? null : names.get(ctxSource[old]), endpoint);
        releaseCtx(old);
        ctxs[c][i] = ctxs[c][i] & ~CTX_MASK | ctx;
    }

    /** A snapshot of one open checkout. */
    Checkout view(int s) {
        return new Checkout(s, this);
    }

    // ---- internals

    private int allocate() {
        if (freeHead >= 0) {
            int s = freeHead;
            freeHead = lines[s >>> CHUNK_BITS][s & MASK];
            return s;
        }
        if (top >= SlotIndex.MAX_SLOTS) {
            throw new IllegalStateException("more than " + SlotIndex.MAX_SLOTS + " open checkouts");
        }
        int c = top >>> CHUNK_BITS;
        if (c == ctxs.length) {
            int n = c + 1;
            reqHi = Arrays.copyOf(reqHi, n);
            reqLo = Arrays.copyOf(reqLo, n);
            connLo = Arrays.copyOf(connLo, n);
            connHi = Arrays.copyOf(connHi, n);
            timeLo = Arrays.copyOf(timeLo, n);
            timeHi = Arrays.copyOf(timeHi, n);
            lines = Arrays.copyOf(lines, n);
            seqs = Arrays.copyOf(seqs, n);
            ctxs = Arrays.copyOf(ctxs, n);
            reqHi[c] = new long[CHUNK];
            reqLo[c] = new long[CHUNK];
            connLo[c] = new int[CHUNK];
            connHi[c] = new short[CHUNK];
            timeLo[c] = new int[CHUNK];
            timeHi[c] = new short[CHUNK];
            lines[c] = new int[CHUNK];
            seqs[c] = new int[CHUNK];
            ctxs[c] = new int[CHUNK];
            Arrays.fill(ctxs[c], FREE);
        }
        return top++;
    }

    /** The number of a (process, source, endpoint) triple, one more user counted. */
    private int internCtx(String process, String source, String endpoint) {
        int p = names.find(process);
        int src = source == null ? -1 : names.find(source);
        int ep = endpoint == null ? -1 : names.find(endpoint);
        if ((p >= 0 || process == null) && (src >= 0 || source == null) && (ep >= 0 || endpoint == null)) {
            int known = contexts.find(new Ctx(p, src, ep));
            if (known >= 0) {
                contexts.acquireId(known);   // the usual case: four look-ups, nothing stored
                return known;
            }
        }
        p = nameId(process);
        src = nameId(source);
        ep = nameId(endpoint);
        int ctx = contexts.acquire(new Ctx(p, src, ep));
        ensureCtx(ctx);
        ctxProcess[ctx] = p;
        ctxSource[ctx] = src;
        ctxEndpoint[ctx] = ep;
        return ctx;
    }

    private void releaseCtx(int ctx) {
        if (contexts.release(ctx)) {
            releaseName(ctxProcess[ctx]);
            releaseName(ctxSource[ctx]);
            releaseName(ctxEndpoint[ctx]);
        }
    }

    private void ensureCtx(int ctx) {
        if (ctx >= ctxProcess.length) {
            int n = Math.max(ctx + 1, ctxProcess.length * 2);
            ctxProcess = Arrays.copyOf(ctxProcess, n);
            ctxSource = Arrays.copyOf(ctxSource, n);
            ctxEndpoint = Arrays.copyOf(ctxEndpoint, n);
        }
    }

    private int nameId(String name) {
        return name == null ? -1 : names.acquire(name);
    }

    private void releaseName(int id) {
        if (id >= 0) {
            names.release(id);
        }
    }

    private int ctxOf(int s) {
        return ctxs[s >>> CHUNK_BITS][s & MASK] & CTX_MASK;
    }

    private int kindOf(int s) {
        return ctxs[s >>> CHUNK_BITS][s & MASK] >>> REQ_SHIFT;
    }

    private long encodeConn(String connId) {
        if (connId == null) {
            return CONN_NONE;
        }
        long v = parseNumber(connId);
        return v >= 0 ? v : -(ids.acquire(connId) + 2L);
    }

    /** The stored form of a connection id already in use, or Long.MIN_VALUE when no open checkout has it. */
    private long findConn(String connId) {
        long v = parseNumber(connId);
        if (v >= 0) {
            return v;
        }
        int id = ids.find(connId);
        return id < 0 ? Long.MIN_VALUE : -(id + 2L);
    }

    /** A canonical decimal number up to 2^47 - 1 (no sign, no leading zero), or -1. */
    static long parseNumber(String s) {
        int n = s.length();
        if (n == 0 || n > 15 || (s.charAt(0) == '0' && n > 1)) {
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
        return v <= MAX48 ? v : -1;
    }

    private long encodeTime(int s, long t) {
        if (t == PoolEvent.NO_TIME) {
            return TIME_NONE;
        }
        if (timeBase == PoolEvent.NO_TIME) {
            timeBase = t;
        }
        long rel = t - timeBase;
        boolean overflow = (t ^ timeBase) < 0 && (rel ^ t) < 0;
        if (!overflow && rel > TIME_WIDE && rel <= MAX48) {
            return rel;
        }
        wideTimes.put(s, t);
        return TIME_WIDE;
    }

    private static long get48(int[] lo, short[] hi, int i) {
        return (long) hi[i] << 32 | (lo[i] & 0xFFFF_FFFFL);
    }

    private static void set48(int[] lo, short[] hi, int i, long v) {
        lo[i] = (int) v;
        hi[i] = (short) (v >> 32);
    }

    /** Sets the look-up key to (process, request); false when no open checkout can have that request. */
    private boolean probeKey(int process, String requestId) {
        kProcess = process;
        if (parseUuid(requestId)) {
            kKind = REQ_UUID;
            return true;
        }
        int id = ids.find(requestId);
        kKind = REQ_INTERNED;
        kHi = 0;
        kLo = id;
        return id >= 0;
    }

    /** Whether slot s holds the look-up key. */
    private boolean isKey(int s) {
        int c = s >>> CHUNK_BITS;
        int i = s & MASK;
        int word = ctxs[c][i];
        return word >>> REQ_SHIFT == kKind && reqLo[c][i] == kLo && reqHi[c][i] == kHi
                && ctxProcess[word & CTX_MASK] == kProcess;
    }

    /** The latest checkout with the look-up key, with the given connection unless {@code anyConn}. */
    private int latestOfRequest(long conn, boolean anyConn) {
        long h = keyHash();
        int[] t = byRequest.table(h);
        int best = -1;
        for (int j = SlotIndex.home(h, t.length); t[j] != 0; j = SlotIndex.next(j, t.length)) {
            if (SlotIndex.matches(t[j], h)) {
                int s = SlotIndex.slotOf(t[j]);
                if (isKey(s) && (anyConn || get48(connLo[s >>> CHUNK_BITS], connHi[s >>> CHUNK_BITS], s & MASK) == conn)
                        && (best < 0 || Integer.compareUnsigned(seq(s), seq(best)) > 0)) {
                    best = s;
                }
            }
        }
        return best;
    }

    private int latestOfConn(int process, long conn) {
        if (byConn == null) {
            byConn = new SlotIndex(this::connHash);
            forEach(s -> {
                if (get48(connLo[s >>> CHUNK_BITS], connHi[s >>> CHUNK_BITS], s & MASK) != CONN_NONE) {
                    byConn.add(connHash(s), s);
                }
            });
        }
        long h = connHash(process, conn);
        int[] t = byConn.table(h);
        int best = -1;
        for (int j = SlotIndex.home(h, t.length); t[j] != 0; j = SlotIndex.next(j, t.length)) {
            if (SlotIndex.matches(t[j], h)) {
                int s = SlotIndex.slotOf(t[j]);
                if (get48(connLo[s >>> CHUNK_BITS], connHi[s >>> CHUNK_BITS], s & MASK) == conn
                        && ctxProcess[ctxOf(s)] == process
                        && (best < 0 || Integer.compareUnsigned(seq(s), seq(best)) > 0)) {
                    best = s;
                }
            }
        }
        return best;
    }

    private long keyHash() {
        return requestHash(kProcess, kKind, kHi, kLo);
    }

    private long requestHash(int s) {
        int c = s >>> CHUNK_BITS;
        int i = s & MASK;
        int word = ctxs[c][i];
        return requestHash(ctxProcess[word & CTX_MASK], word >>> REQ_SHIFT, reqHi[c][i], reqLo[c][i]);
    }

    private static long requestHash(int process, int kind, long hi, long lo) {
        return mix(mix(hi + process * 0x9E37_79B9_7F4A_7C15L + kind) ^ lo);
    }

    private long connHash(int s) {
        return connHash(ctxProcess[ctxOf(s)], get48(connLo[s >>> CHUNK_BITS], connHi[s >>> CHUNK_BITS], s & MASK));
    }

    private static long connHash(int process, long conn) {
        return mix(conn * 0xC2B2_AE3D_27D4_EB4FL + process);
    }

    /** The finaliser of SplitMix64: every input bit moves every output bit. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58_476D_1CE4_E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D0_49BB_1331_11EBL;
        return z ^ (z >>> 31);
    }

    /** Parses a lowercase 8-4-4-4-12 UUID into kHi/kLo; false (and kHi/kLo unspecified) otherwise. */
    private boolean parseUuid(String s) {
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
        kHi = hi;
        kLo = lo;
        return true;
    }

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private static String formatUuid(long hi, long lo) {
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

    /** After 2^32 checkouts the arrival numbers start again from 0, in the same order. */
    private void renumber() {
        int[] order = inOrder();
        for (int k = 0; k < order.length; k++) {
            seqs[order[k] >>> CHUNK_BITS][order[k] & MASK] = k;
        }
        nextSeq = order.length;
    }

    /** A growable list of ints. */
    static final class IntList {
        private int[] items = new int[4];
        private int size;

        void add(int v) {
            if (size == items.length) {
                items = Arrays.copyOf(items, size * 2);
            }
            items[size++] = v;
        }

        int size() {
            return size;
        }

        int get(int k) {
            return items[k];
        }

        int[] toArray() {
            return Arrays.copyOf(items, size);
        }
    }

    /** Every slot, for tests that look inside. */
    List<Integer> slots() {
        List<Integer> all = new ArrayList<>();
        forEach(all::add);
        return all;
    }
}
