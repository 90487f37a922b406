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
 * arrays allocated in chunks (about 35 bytes a checkout with its index on a log of never-returned
 * checkouts, docs/performance.md), where an object per checkout in two hash maps cost 690.
 *
 * <p>Slots are handed out in arrival order and a closed checkout only leaves a mark; when marks make up
 * a fifth of the store, the open checkouts are copied down in order into fresh chunks (the old ones are
 * dropped as the copy passes them) and the indexes are pointed at the new slots. So a higher slot is
 * always a later checkout: "latest first" needs no arrival number, the store lists itself in arrival
 * order, and neighbouring slots are neighbours in time, which lets {@link Column} code times, lines and
 * connection ids in 2 or 4 bytes within a chunk.
 *
 * <p>A slot holds: the request id as two longs when it is a lowercase UUID (anything else is interned to
 * an int, flagged); the connection id as a number when it is one (else interned, stored negative); the
 * time; the line; and one int naming the interned (process, source, endpoint) triple with flag bits on top.
 *
 * <p>Pairing rules (unchanged from the object version): a checkin closes the latest open checkout of its
 * request with its connection; else the latest of its connection, unless both name different requests;
 * else the latest of its request without a connection (or any, when the checkin has none); a checkin
 * with neither closes the latest anonymous checkout of its process. The request index holds every
 * checkout with a request id, and the anonymous ones under their process; the connection index is built
 * only when a checkin first needs to look up by connection alone (a log of never-returned checkouts never
 * pays for it).
 */
final class OpenCheckouts {
    private static final int CHUNK_BITS = 14;
    private static final int CHUNK = 1 << CHUNK_BITS;
    private static final int MASK = CHUNK - 1;
    /**
     * Closed checkouts tolerated before the store is compacted: at least a chunk's worth (a compaction
     * allocates fresh chunks, so not more often than once per chunk of checkouts) and a fifth.
     */
    private static final int MIN_DEAD = CHUNK;

    private static final int CTX_MASK = (1 << 27) - 1;
    private static final int DEAD = 1 << 27;
    private static final int ENDED = 1 << 28;
    private static final int SUSPECT = 1 << 29;
    private static final int REQ_SHIFT = 30;
    private static final int REQ_NONE = 0;
    private static final int REQ_UUID = 1;
    private static final int REQ_INTERNED = 2;

    private static final long MAX_NUMBER = (1L << 62) - 1;
    private static final long CONN_NONE = -1;

    private long[][] reqHi = new long[0][];
    private long[][] reqLo = new long[0][];
    private Column[] conns = new Column[0];
    private Column[] times = new Column[0];
    private Column[] lines = new Column[0];
    /** The context number and the flags. */
    private int[][] words = new int[0][];

    private final Interner<String> ids = new Interner<>();
    private final CheckoutContexts contexts = new CheckoutContexts();

    /** When each checkout's request ended; kept only for live mode, which reports how long ago. */
    private Map<Integer, Long> endedAt;

    private final SlotIndex byRequest = new SlotIndex(this::requestHash);
    private SlotIndex byConn;

    private int top;
    /** Open checkouts without an endpoint: while there are none, naming endpoints has nothing to do. */
    private long unnamed;
    private long size;
    private int dead;

    // the key of the latest look-up, set by probeKey (one thread: no objects for keys)
    private int kProcess;
    private int kKind;
    private long kHi;
    private long kLo;
    /** The request id's text, or null when kKind/kHi/kLo are the key (read from a slot, or anonymous). */
    private String kText;
    private boolean kParsed;
    private long kHash;
    private final long[] uuid = new long[2];
    private final Uuid.Cache uuids;

    /** @param keepEndedAt whether to remember when requests ended (live mode) */
    OpenCheckouts(boolean keepEndedAt, Uuid.Cache uuids) {
        this.endedAt = keepEndedAt ? new HashMap<>() : null;
        this.uuids = uuids;
    }

    OpenCheckouts() {
        this(false, new Uuid.Cache());
    }

    /** Stores a checkout; returns its slot, higher than every open one. */
    int add(String process, String requestId, String connId, long acquiredAt, String endpoint, String source,
            long line) {
        return add(process, requestId, connId, acquiredAt, endpoint, source, line, null);
    }

    /** @param thread the borrowing thread, where a pool library's checkout line names it, else null */
    int add(String process, String requestId, String connId, long acquiredAt, String endpoint, String source,
            long line, String thread) {
        if (dead > MIN_DEAD && dead > size / 4) {
            compact();
        }
        int s = allocate();
        int c = s >>> CHUNK_BITS;
        int i = s & MASK;
        int ctx = contexts.intern(process, source, endpoint, thread);
        if (endpoint == null) {
            unnamed++;
        }
        int kind = REQ_NONE;
        if (requestId != null) {
            kind = parseUuid(requestId) ? REQ_UUID : REQ_INTERNED;
            reqHi[c][i] = kind == REQ_UUID ? kHi : 0;
            reqLo[c][i] = kind == REQ_UUID ? kLo : ids.acquire(requestId);
        } else {
            reqHi[c][i] = 0;
            reqLo[c][i] = 0;
        }
        words[c][i] = kind << REQ_SHIFT | ctx;
        conns[c].set(i, encodeConn(connId));
        times[c].set(i, acquiredAt);
        lines[c].set(i, line);
        size++;
        if (requestId != null || connId == null) {
            byRequest.add(requestId != null ? hashOf(contexts.processOf(ctx), requestId.hashCode())
                    : hashOf(contexts.processOf(ctx), NO_REQUEST_HASH), s);
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
        int proc = contexts.findProcess(process);
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
            setKey(proc, REQ_NONE, 0, 0);
            match = latestOfRequest(CONN_NONE, false);
        }
        return match;
    }

    /** Visits the open checkouts of one request; the action must not add or remove any. */
    void forEachOfRequest(String process, String requestId, IntConsumer action) {
        int proc = contexts.findProcess(process);
        if (proc < 0 && process != null || !probeKey(proc, requestId)) {
            return;
        }
        visitKey(action);
    }

    /** Gives the open checkouts of a request that have no endpoint this one (no callback object: every event). */
    void nameEndpoint(String process, String requestId, String endpoint) {
        if (unnamed == 0) {
            return;   // every open checkout has its endpoint, as in most logs: nothing to name
        }
        int proc = contexts.findProcess(process);
        if (proc < 0 && process != null || !probeKey(proc, requestId)) {
            return;
        }
        long h = kHash;
        int[] t = byRequest.table(h);
        for (int j = SlotIndex.home(h, t.length); t[j] != 0; j = SlotIndex.next(j, t.length)) {
            if (SlotIndex.matches(t[j], h)) {
                int s = SlotIndex.slotOf(t[j]);
                if (isKey(s) && endpoint(s) == null) {
                    setEndpoint(s, endpoint);   // the index is untouched: same process and request
                }
            }
        }
    }

    /** Visits the open checkouts with the same request as slot s (s included); no strings are made. */
    void forEachSameRequest(int s, IntConsumer action) {
        int c = s >>> CHUNK_BITS;
        int i = s & MASK;
        int word = words[c][i];
        setKey(contexts.processOf(word & CTX_MASK), word >>> REQ_SHIFT, reqHi[c][i], reqLo[c][i]);
        visitKey(action);
    }

    private void visitKey(IntConsumer action) {
        long h = kHash;
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

    /** Visits every open checkout in arrival order; the action may remove the visited one, nothing else. */
    void forEach(IntConsumer action) {
        for (int s = 0; s < top; s++) {
            if ((words[s >>> CHUNK_BITS][s & MASK] & DEAD) == 0) {
                action.accept(s);
            }
        }
    }

    /** Every open checkout in arrival order. */
    int[] inOrder() {
        IntList out = new IntList();
        forEach(out::add);
        return out.toArray();
    }

    long size() {
        return size;
    }

    /** Closes a checkout: it leaves the indexes at once and the store at the next compaction. */
    void remove(int s) {
        int c = s >>> CHUNK_BITS;
        int i = s & MASK;
        int word = words[c][i];
        if ((word & DEAD) != 0 || s >= top) {
            throw new IllegalStateException("slot " + s + " is not open");
        }
        int kind = word >>> REQ_SHIFT;
        long conn = conns[c].get(i);
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
        if (endedAt != null) {
            endedAt.remove(s);
        }
        if (contexts.endpoint(word & CTX_MASK) == null) {
            unnamed--;
        }
        contexts.release(word & CTX_MASK);
        words[c][i] = word | DEAD;
        size--;
        dead++;
    }

    /**
     * Copies the open checkouts down, in order, into fresh chunks, dropping each old chunk once passed (so
     * at most a chunk more is held meanwhile), and repoints their index cells: the slot changes, the key
     * and so the cell's place do not.
     */
    private void compact() {
        long[][] oldHi = reqHi;
        long[][] oldLo = reqLo;
        Column[] oldConns = conns;
        Column[] oldTimes = times;
        Column[] oldLines = lines;
        int[][] oldWords = words;
        int oldTop = top;
        int chunks = (int) ((size + CHUNK - 1) >>> CHUNK_BITS);
        reqHi = new long[chunks][];
        reqLo = new long[chunks][];
        conns = new Column[chunks];
        times = new Column[chunks];
        lines = new Column[chunks];
        words = new int[chunks][];
        top = 0;
        Map<Integer, Long> oldEnded = endedAt;
        if (endedAt != null) {
            endedAt = new HashMap<>();
        }
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
                long conn = oldConns[oc].get(oi);
                conns[c].set(i, conn);
                times[c].set(i, oldTimes[oc].get(oi));
                lines[c].set(i, oldLines[oc].get(oi));
                words[c][i] = word;
                if (w != r) {
                    if (word >>> REQ_SHIFT != REQ_NONE || conn == CONN_NONE) {
                        byRequest.repoint(requestHash(w), r, w);
                    }
                    if (byConn != null && conn != CONN_NONE) {
                        byConn.repoint(connHash(w), r, w);
                    }
                }
                if (oldEnded != null && oldEnded.containsKey(r)) {
                    endedAt.put(w, oldEnded.get(r));
                }
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
        dead = 0;
    }

    // ---- fields of a slot

    String process(int s) {
        return contexts.process(ctxOf(s));
    }

    String source(int s) {
        return contexts.source(ctxOf(s));
    }

    String endpoint(int s) {
        return contexts.endpoint(ctxOf(s));
    }

    String thread(int s) {
        return contexts.thread(ctxOf(s));
    }

    /** The (process, source, endpoint, thread) tuple's number: equal numbers, equal tuples. */
    int context(int s) {
        return ctxOf(s);
    }

    /** Bounds every {@link #context} number. */
    int contexts() {
        return contexts.capacity();
    }

    String endpointOfContext(int ctx) {
        return contexts.endpoint(ctx);
    }

    String requestId(int s) {
        int c = s >>> CHUNK_BITS;
        int i = s & MASK;
        return switch (kindOf(s)) {
            case REQ_UUID -> Uuid.format(reqHi[c][i], reqLo[c][i]);
            case REQ_INTERNED -> ids.get((int) reqLo[c][i]);
            default -> null;
        };
    }

    boolean hasRequest(int s) {
        return kindOf(s) != REQ_NONE;
    }

    String connId(int s) {
        long v = conn(s);
        return v == CONN_NONE ? null : v >= 0 ? Long.toString(v) : ids.get((int) (-v - 2));
    }

    long acquiredAt(int s) {
        return times[s >>> CHUNK_BITS].get(s & MASK);
    }

    long line(int s) {
        return lines[s >>> CHUNK_BITS].get(s & MASK);
    }

    private long conn(int s) {
        return conns[s >>> CHUNK_BITS].get(s & MASK);
    }

    /** Slots handed out since the last compaction, open or not: what the chunks hold. */
    int top() {
        return top;
    }

    /** Bytes the chunks take now, for tests and measurements. */
    long bytes() {
        long n = 0;
        for (int c = 0; c < words.length; c++) {
            if (words[c] != null) {
                n += CHUNK * (8L + 8 + 4 + conns[c].width() + times[c].width() + lines[c].width());
            }
        }
        return n;
    }

    boolean requestEnded(int s) {
        return (words[s >>> CHUNK_BITS][s & MASK] & ENDED) != 0;
    }

    long endedAt(int s) {
        Long at = endedAt == null ? null : endedAt.get(s);
        return at == null ? PoolEvent.NO_TIME : at;
    }

    void markEnded(int s, long at) {
        words[s >>> CHUNK_BITS][s & MASK] |= ENDED;
        if (endedAt != null) {
            endedAt.put(s, at);
        }
    }

    boolean suspect(int s) {
        return (words[s >>> CHUNK_BITS][s & MASK] & SUSPECT) != 0;
    }

    void markSuspect(int s) {
        words[s >>> CHUNK_BITS][s & MASK] |= SUSPECT;
    }

    /** A later event of the request names the endpoint a checkout was taken for. */
    void setEndpoint(int s, String endpoint) {
        int c = s >>> CHUNK_BITS;
        int i = s & MASK;
        int old = words[c][i] & CTX_MASK;
        boolean wasUnnamed = contexts.endpoint(old) == null;
        if (wasUnnamed != (endpoint == null)) {
            unnamed += wasUnnamed ? -1 : 1;
        }
        int ctx = contexts.withEndpoint(old, endpoint);
        contexts.release(old);
        words[c][i] = words[c][i] & ~CTX_MASK | ctx;
    }

    /** A snapshot of one open checkout. */
    Checkout view(int s) {
        return new Checkout(s, this);
    }

    // ---- internals

    private int allocate() {
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

    private int ctxOf(int s) {
        return words[s >>> CHUNK_BITS][s & MASK] & CTX_MASK;
    }

    private int kindOf(int s) {
        return words[s >>> CHUNK_BITS][s & MASK] >>> REQ_SHIFT;
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

    /** A canonical decimal number below 2^62 (no sign, no leading zero), or -1. */
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
        return v <= MAX_NUMBER ? v : -1;
    }

    /**
     * Sets the look-up key to (process, request id text): hashed by the text (String caches its hash),
     * parsed only if a candidate slot holds a UUID. Always true: an unknown id simply finds nothing.
     */
    private boolean probeKey(int process, String requestId) {
        kProcess = process;
        kText = requestId;
        kParsed = false;
        kHash = hashOf(process, requestId.hashCode());
        return true;
    }

    /** Sets the look-up key from stored numbers. */
    private void setKey(int process, int kind, long hi, long lo) {
        kProcess = process;
        kText = null;
        kParsed = true;
        kKind = kind;
        kHi = hi;
        kLo = lo;
        kHash = hashOf(process, textHash(kind, hi, lo));
    }

    /** Whether slot s holds the look-up key. */
    private boolean isKey(int s) {
        int c = s >>> CHUNK_BITS;
        int i = s & MASK;
        int word = words[c][i];
        if (contexts.processOf(word & CTX_MASK) != kProcess) {
            return false;
        }
        int kind = word >>> REQ_SHIFT;
        if (kText != null && kind == REQ_INTERNED) {
            return kText.equals(ids.get((int) reqLo[c][i]));
        }
        if (!kParsed) {
            kKind = parseUuid(kText) ? REQ_UUID : REQ_INTERNED;
            kParsed = true;
        }
        return kind == kKind && reqLo[c][i] == kLo && reqHi[c][i] == kHi
                && (kind != REQ_INTERNED || kText == null);
    }

    /** The latest checkout with the look-up key, with the given connection unless {@code anyConn}. */
    private int latestOfRequest(long conn, boolean anyConn) {
        long h = kHash;
        int[] t = byRequest.table(h);
        int best = -1;
        for (int j = SlotIndex.home(h, t.length); t[j] != 0; j = SlotIndex.next(j, t.length)) {
            if (SlotIndex.matches(t[j], h)) {
                int s = SlotIndex.slotOf(t[j]);
                if (s > best && isKey(s) && (anyConn || conn(s) == conn)) {
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
                if (conn(s) != CONN_NONE) {
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
                if (s > best && conn(s) == conn && contexts.processOf(ctxOf(s)) == process) {
                    best = s;
                }
            }
        }
        return best;
    }

    /** Anonymous checkouts are indexed under their process with this in place of a request id's hash. */
    private static final int NO_REQUEST_HASH = 0x5BD1_E995;

    private long requestHash(int s) {
        int c = s >>> CHUNK_BITS;
        int i = s & MASK;
        int word = words[c][i];
        return hashOf(contexts.processOf(word & CTX_MASK), textHash(word >>> REQ_SHIFT, reqHi[c][i], reqLo[c][i]));
    }

    /** The hash of a stored request id's text, as {@code String.hashCode()} would give it. */
    private int textHash(int kind, long hi, long lo) {
        return switch (kind) {
            case REQ_UUID -> Uuid.textHash(hi, lo);
            case REQ_INTERNED -> ids.get((int) lo).hashCode();
            default -> NO_REQUEST_HASH;
        };
    }

    private static long hashOf(int process, int textHash) {
        return Uuid.mix(textHash * 0x9E37_79B9_7F4A_7C15L + process);
    }

    private long connHash(int s) {
        return connHash(contexts.processOf(ctxOf(s)), conn(s));
    }

    private static long connHash(int process, long conn) {
        return Uuid.mix(conn * 0xC2B2_AE3D_27D4_EB4FL + process);
    }

    /** Parses a lowercase UUID into kHi/kLo; false (kHi/kLo unspecified) otherwise. */
    private boolean parseUuid(String s) {
        if (!uuids.parse(s, uuid)) {
            return false;
        }
        kHi = uuid[0];
        kLo = uuid[1];
        return true;
    }

    /** Every slot, for tests that look inside. */
    List<Integer> slots() {
        List<Integer> all = new ArrayList<>();
        forEach(all::add);
        return all;
    }
}
