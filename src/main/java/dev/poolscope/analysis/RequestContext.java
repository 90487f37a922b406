package dev.poolscope.analysis;

import dev.poolscope.event.EventKind;
import dev.poolscope.event.PoolEvent;

/**
 * Fills in what an event leaves out from what came before it: the endpoint its request named earlier,
 * and a time for events without one (the previous event's). Remembers recent requests only, so memory
 * stays bounded however many requests the log has; requests forget themselves when they end.
 *
 * <p>The memory is a least-recently-used table of {@link #REMEMBERED_REQUESTS} requests kept in arrays
 * (UUID request ids as two longs, names interned, the use order as a linked list of ints), not a
 * LinkedHashMap: on a log of millions of requests each entry outlived the young generation and was
 * promoted only to die, filling the heap with garbage (docs/performance.md). Same rule as before: looking
 * a request up or storing its endpoint makes it the most recent; the least recent is forgotten first.
 */
final class RequestContext {
    static final int REMEMBERED_REQUESTS = 65_536;
    private static final int CAPACITY = REMEMBERED_REQUESTS + 1;

    private final long[] hi = new long[CAPACITY];
    private final long[] lo = new long[CAPACITY];
    /** Request ids that are not lowercase UUIDs; null for a UUID. */
    private final String[] others = new String[CAPACITY];
    private final int[] processes = new int[CAPACITY];
    private final int[] endpoints = new int[CAPACITY];
    private final int[] older = new int[CAPACITY];
    private final int[] newer = new int[CAPACITY];
    private final int[] free = new int[CAPACITY];
    private int freeCount;
    private int eldest = -1;
    private int newest = -1;
    private int size;
    private final Interner<String> names = new Interner<>();
    private final SlotIndex index = new SlotIndex(this::hash);
    private final long[] key = new long[2];
    private long lastTime = PoolEvent.NO_TIME;

    RequestContext() {
        for (int s = CAPACITY - 1; s >= 0; s--) {
            free[freeCount++] = s;
        }
    }

    PoolEvent enrich(PoolEvent e) {
        long time = e.hasTime() ? e.time() : lastTime;
        if (e.hasTime()) {
            lastTime = e.time();
        }
        String endpoint = e.endpoint();
        if (e.requestId() != null) {
            int s = find(e.process(), e.requestId());
            if (endpoint != null) {
                if (s < 0) {
                    s = insert(e.process(), e.requestId(), endpoint);
                } else {
                    setEndpoint(s, endpoint);
                }
            } else if (s >= 0) {
                endpoint = names.get(endpoints[s]);
            }
            if (s >= 0) {
                touch(s);
            }
            if (size > REMEMBERED_REQUESTS) {
                remove(eldest);
            }
            if (e.kind() == EventKind.REQUEST_END && s >= 0) {
                remove(s);
            }
        }
        if (time == e.time() && endpoint == e.endpoint()) {
            return e;
        }
        return new PoolEvent(e.kind(), time, e.process(), e.requestId(), e.connId(), e.poolUsed(), e.poolMax(),
                endpoint, e.statementTimeout(), e.exhaustionText(), e.source(), e.line());
    }

    /** Requests remembered now (tests). */
    int size() {
        return size;
    }

    private int find(String process, String requestId) {
        int p = names.find(process);
        if (p < 0 && process != null) {
            return -1;
        }
        boolean uuid = Uuid.parse(requestId, key);
        long h = hash(p, uuid, requestId);
        int[] t = index.table(h);
        for (int j = SlotIndex.home(h, t.length); t[j] != 0; j = SlotIndex.next(j, t.length)) {
            if (SlotIndex.matches(t[j], h)) {
                int s = SlotIndex.slotOf(t[j]);
                if (processes[s] == p && (uuid ? others[s] == null && hi[s] == key[0] && lo[s] == key[1]
                        : requestId.equals(others[s]))) {
                    return s;
                }
            }
        }
        return -1;
    }

    private int insert(String process, String requestId, String endpoint) {
        int s = free[--freeCount];
        processes[s] = process == null ? -1 : names.acquire(process);
        if (Uuid.parse(requestId, key)) {
            hi[s] = key[0];
            lo[s] = key[1];
            others[s] = null;
        } else {
            others[s] = requestId;
        }
        endpoints[s] = names.acquire(endpoint);
        older[s] = newest;
        newer[s] = -1;
        if (newest >= 0) {
            newer[newest] = s;
        } else {
            eldest = s;
        }
        newest = s;
        size++;
        index.add(hash(s), s);
        return s;
    }

    private void setEndpoint(int s, String endpoint) {
        if (!names.get(endpoints[s]).equals(endpoint)) {
            int id = names.acquire(endpoint);
            names.release(endpoints[s]);
            endpoints[s] = id;
        }
    }

    /** Makes s the most recent. */
    private void touch(int s) {
        if (s == newest) {
            return;
        }
        unlink(s);
        older[s] = newest;
        newer[s] = -1;
        newer[newest] = s;
        newest = s;
    }

    private void remove(int s) {
        index.remove(hash(s), s);
        unlink(s);
        if (processes[s] >= 0) {
            names.release(processes[s]);
        }
        names.release(endpoints[s]);
        others[s] = null;
        free[freeCount++] = s;
        size--;
    }

    private void unlink(int s) {
        if (older[s] >= 0) {
            newer[older[s]] = newer[s];
        } else {
            eldest = newer[s];
        }
        if (newer[s] >= 0) {
            older[newer[s]] = older[s];
        } else {
            newest = older[s];
        }
    }

    private long hash(int s) {
        if (others[s] == null) {
            key[0] = hi[s];
            key[1] = lo[s];
            return hash(processes[s], true, null);
        }
        return hash(processes[s], false, others[s]);
    }

    /** For a UUID the hash of {@link #key}; else of the id's string. */
    private long hash(int process, boolean uuid, String other) {
        long z = uuid ? key[0] * 0x9E37_79B9_7F4A_7C15L ^ key[1] : other.hashCode() * 0xC2B2_AE3D_27D4_EB4FL + 1;
        return Uuid.mix(z + process * 0x94D0_49BB_1331_11EBL);
    }
}
