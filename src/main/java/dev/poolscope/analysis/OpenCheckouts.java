package dev.poolscope.analysis;

import static dev.poolscope.analysis.SlotColumns.CHUNK;
import static dev.poolscope.analysis.SlotColumns.CHUNK_BITS;
import static dev.poolscope.analysis.SlotColumns.CTX_MASK;
import static dev.poolscope.analysis.SlotColumns.DEAD;
import static dev.poolscope.analysis.SlotColumns.ENDED;
import static dev.poolscope.analysis.SlotColumns.MASK;
import static dev.poolscope.analysis.SlotColumns.REQ_INTERNED;
import static dev.poolscope.analysis.SlotColumns.REQ_NONE;
import static dev.poolscope.analysis.SlotColumns.REQ_SHIFT;
import static dev.poolscope.analysis.SlotColumns.REQ_UUID;
import static dev.poolscope.analysis.SlotColumns.SUSPECT;

import dev.poolscope.event.PoolEvent;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * The checkouts currently open, in a compact store: one int slot per checkout, its fields in primitive
 * arrays allocated in chunks (about 35 bytes a checkout with its index on a log of never-returned
 * checkouts, docs/performance.md), where an object per checkout in two hash maps cost 690.
 *
 * <p>Slots ({@link SlotColumns}) are handed out in arrival order and compacted in order, so a higher slot
 * is always a later checkout: "latest first" needs no arrival number, and neighbouring slots are
 * neighbours in time, which lets {@link Column} code times, lines and connection ids ({@link ConnIndex})
 * in 2 or 4 bytes within a chunk.
 *
 * <p>Pairing rules (unchanged from the object version): a checkin closes the latest open checkout of its
 * request with its connection; else the latest of its connection, unless both name different requests;
 * else the latest of its request without a connection (or any, when the checkin has none); a checkin
 * with neither closes the latest anonymous checkout of its process. The request index holds every
 * checkout with a request id, and the anonymous ones under their process, keyed by {@link RequestIndex}.
 */
final class OpenCheckouts {
    /**
     * Closed checkouts tolerated before the store is compacted: at least a chunk's worth (a compaction
     * allocates fresh chunks, so not more often than once per chunk of checkouts) and a fifth.
     */
    private static final int MIN_DEAD = CHUNK;

    private static final long CONN_NONE = ConnIndex.NONE;

    private final SlotColumns col = new SlotColumns();

    private final Interner<String> ids = new Interner<>();
    private final CheckoutContexts contexts = new CheckoutContexts();

    /** When each checkout's request ended; kept only for live mode, which reports how long ago. */
    private Map<Integer, Long> endedAt;

    private final ConnIndex byConn;

    /**
     * Open checkouts without an endpoint: while there are none, naming endpoints has nothing to do. Only a count
     * too low could skip a naming (LaterEndpointTest); one too high only skips less, so mutants that make it
     * higher are equivalent (docs/testing.md).
     */
    private long unnamed;
    private long size;
    private int dead;

    private final RequestIndex requests;

    /** @param keepEndedAt whether to remember when requests ended (live mode) */
    OpenCheckouts(boolean keepEndedAt, Uuid.Cache uuids) {
        this.endedAt = keepEndedAt ? new HashMap<>() : null;
        this.requests = new RequestIndex(col, contexts, ids, uuids);
        this.byConn = new ConnIndex(col, contexts, ids);
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
        int s = col.allocate();
        int c = s >>> CHUNK_BITS;
        int i = s & MASK;
        int ctx = contexts.intern(process, source, endpoint, thread);
        if (endpoint == null) {
            unnamed++;
        }
        int kind = REQ_NONE;
        if (requestId != null) {
            kind = requests.parseUuid(requestId) ? REQ_UUID : REQ_INTERNED;
            col.reqHi[c][i] = kind == REQ_UUID ? requests.hi : 0;
            col.reqLo[c][i] = kind == REQ_UUID ? requests.lo : ids.acquire(requestId);
        } else {
            col.reqHi[c][i] = 0;
            col.reqLo[c][i] = 0;
        }
        col.words[c][i] = kind << REQ_SHIFT | ctx;
        col.conns[c].set(i, byConn.encode(connId));
        col.times[c].set(i, acquiredAt);
        col.lines[c].set(i, line);
        size++;
        if (requestId != null || connId == null) {
            requests.add(requestId != null ? RequestIndex.hashOf(contexts.processOf(ctx), requestId.hashCode())
                    : RequestIndex.hashOf(contexts.processOf(ctx), RequestIndex.NO_REQUEST_HASH), s);
        }
        if (connId != null) {
            byConn.add(s);
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
        long conn = connId == null ? CONN_NONE : byConn.find(connId);
        boolean connKnown = conn != ConnIndex.UNKNOWN;
        boolean reqKnown = requestId != null && requests.probe(proc, requestId);
        int match = -1;
        if (reqKnown && connId != null && connKnown) {
            match = requests.latest(conn, false);
        }
        if (match < 0 && connId != null && connKnown) {
            // The checkin may be logged outside the request's context; the connection still identifies it,
            // unless both name different requests (a connection reused within one timestamp, lines reordered).
            int byConnection = byConn.latest(proc, conn);
            if (byConnection >= 0 && (requestId == null || kindOf(byConnection) == REQ_NONE)) {
                match = byConnection;
            }
        }
        if (match < 0 && reqKnown) {
            // Without a connection id on the checkin, the request's latest checkout; with one, a checkout
            // whose getconn was logged before its connection was known.
            match = requests.latest(CONN_NONE, connId == null);
        }
        if (match < 0 && requestId == null && connId == null) {
            requests.set(proc, REQ_NONE, 0, 0);
            match = requests.latest(CONN_NONE, false);
        }
        return match;
    }

    /** Visits the open checkouts of one request; the action must not add or remove any. */
    void forEachOfRequest(String process, String requestId, IntConsumer action) {
        int proc = contexts.findProcess(process);
        if (proc < 0 && process != null || !requests.probe(proc, requestId)) {
            return;
        }
        requests.visit(action);
    }

    /** Gives the open checkouts of a request that have no endpoint this one. */
    void nameEndpoint(String process, String requestId, String endpoint) {
        if (unnamed == 0) {
            return;   // every open checkout has its endpoint, as in most logs: nothing to name
        }
        int proc = contexts.findProcess(process);
        if (proc < 0 && process != null || !requests.probe(proc, requestId)) {
            return;
        }
        requests.visit(s -> {
            if (endpoint(s) == null) {
                setEndpoint(s, endpoint);   // the index is untouched: same process and request
            }
        });
    }

    /** Visits the open checkouts with the same request as slot s (s included); no strings are made. */
    void forEachSameRequest(int s, IntConsumer action) {
        requests.setFromSlot(s);
        requests.visit(action);
    }

    /** The open checkouts of one request, as slots (empty when none). */
    int[] ofRequest(String process, String requestId) {
        IntList out = new IntList();
        forEachOfRequest(process, requestId, out::add);
        return out.toArray();
    }

    /** Visits every open checkout in arrival order; the action may remove the visited one, nothing else. */
    void forEach(IntConsumer action) {
        for (int s = 0; s < col.top; s++) {
            if ((col.words[s >>> CHUNK_BITS][s & MASK] & DEAD) == 0) {
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
        int word = col.words[c][i];
        if (s >= col.top || (word & DEAD) != 0) {
            throw new IllegalStateException("slot " + s + " is not open");
        }
        int kind = word >>> REQ_SHIFT;
        long conn = col.conns[c].get(i);
        if (kind != REQ_NONE || conn == CONN_NONE) {
            requests.remove(s);
        }
        if (conn != CONN_NONE) {
            byConn.remove(s);
        }
        if (kind == REQ_INTERNED) {
            ids.release((int) col.reqLo[c][i]);
        }
        byConn.release(conn);
        if (endedAt != null) {
            endedAt.remove(s);
        }
        if (contexts.endpoint(word & CTX_MASK) == null) {
            unnamed--;
        }
        contexts.release(word & CTX_MASK);
        col.words[c][i] = word | DEAD;
        size--;
        dead++;
    }

    /** Copies the open checkouts down, in order, and repoints their index cells: the slot changes, the key does not. */
    private void compact() {
        Map<Integer, Long> oldEnded = endedAt;
        if (endedAt != null) {
            endedAt = new HashMap<>();
        }
        col.compact(size, (r, w) -> {
            if (w != r) {
                long conn = col.conn(w);
                if (col.word(w) >>> REQ_SHIFT != REQ_NONE || conn == CONN_NONE) {
                    requests.repoint(r, w);
                }
                if (conn != CONN_NONE) {
                    byConn.repoint(r, w);
                }
            }
            if (oldEnded != null && oldEnded.containsKey(r)) {
                endedAt.put(w, oldEnded.get(r));
            }
        });
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
            case REQ_UUID -> Uuid.format(col.reqHi[c][i], col.reqLo[c][i]);
            case REQ_INTERNED -> ids.get((int) col.reqLo[c][i]);
            default -> null;
        };
    }

    boolean hasRequest(int s) {
        return kindOf(s) != REQ_NONE;
    }

    String connId(int s) {
        return byConn.decode(col.conn(s));
    }

    long acquiredAt(int s) {
        return col.time(s);
    }

    long line(int s) {
        return col.line(s);
    }

    /** Slots handed out since the last compaction, open or not: what the chunks hold. */
    int top() {
        return col.top;
    }

    boolean requestEnded(int s) {
        return (col.word(s) & ENDED) != 0;
    }

    long endedAt(int s) {
        Long at = endedAt == null ? null : endedAt.get(s);
        return at == null ? PoolEvent.NO_TIME : at;
    }

    void markEnded(int s, long at) {
        col.words[s >>> CHUNK_BITS][s & MASK] |= ENDED;
        if (endedAt != null) {
            endedAt.put(s, at);
        }
    }

    boolean suspect(int s) {
        return (col.word(s) & SUSPECT) != 0;
    }

    void markSuspect(int s) {
        col.words[s >>> CHUNK_BITS][s & MASK] |= SUSPECT;
    }

    /**
     * A later event of the request names the endpoint a checkout was taken for: only ever a checkout without one
     * ({@link #nameEndpoint}), with a non-null name.
     */
    void setEndpoint(int s, String endpoint) {
        int c = s >>> CHUNK_BITS;
        int i = s & MASK;
        int old = col.words[c][i] & CTX_MASK;
        unnamed--;
        int ctx = contexts.withEndpoint(old, endpoint);
        contexts.release(old);
        col.words[c][i] = col.words[c][i] & ~CTX_MASK | ctx;
    }

    /** A snapshot of one open checkout. */
    Checkout view(int s) {
        return new Checkout(s, this);
    }

    // ---- internals

    private int ctxOf(int s) {
        return col.word(s) & CTX_MASK;
    }

    private int kindOf(int s) {
        return col.word(s) >>> REQ_SHIFT;
    }

    /** Every slot, for tests that look inside. */
    List<Integer> slots() {
        return java.util.Arrays.stream(inOrder()).boxed().toList();
    }
}
