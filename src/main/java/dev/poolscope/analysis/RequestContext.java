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

    // One entry's numbers side by side (a cache line or two per look-up, not one per field):
    // longs: request id high, low, hash, (older << 32 | newer); ints: process, endpoint.
    private static final int HI = 0;   // "4 * s + HI" is "4 * s": PIT's "4 * s - HI" is an equivalent mutant
    private static final int LO = 1;
    private static final int HASH = 2;
    private static final int LINKS = 3;
    private final long[] longs = new long[CAPACITY * 4];
    private final int[] ints = new int[CAPACITY * 2];
    /** Request ids that are not lowercase UUIDs; null for a UUID. */
    private final String[] others = new String[CAPACITY];
    private final int[] free = new int[CAPACITY];
    private int freeCount;
    private int eldest = -1;
    private int newest = -1;
    private int size;
    private final Interner<String> names = new Interner<>();
    private final SlotIndex index = new SlotIndex(s -> longs[4 * s + HASH], 5);
    private final long[] key = new long[2];
    private final Uuid.Cache uuids;
    private long lastTime = PoolEvent.NO_TIME;

    RequestContext() {
        this(new Uuid.Cache());
    }

    /** @param uuids shared with the checkout tracker: an event's request id is then parsed once */
    RequestContext(Uuid.Cache uuids) {
        this.uuids = uuids;
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
                endpoint = names.get(ints[2 * s + 1]);
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
            return e;   // no copy when nothing changed (a copy would be equal: an equivalent mutant)
        }
        return e.withTimeAndEndpoint(time, endpoint);
    }

    /** Requests remembered now (tests). */
    int size() {
        return size;
    }

    /** Process and endpoint names held now, idle ones not yet swept included (tests of the memory bound). */
    int namesKnown() {
        return names.size();
    }

    /** The last process looked up, as the name the interner holds, and its id. */
    private String lastProcess;
    private int lastProcessId = -1;

    // A shortcut only: a miss asks the interner, which gives the same id (mutants here that only miss more are
    // equivalent, docs/testing.md).
    private int processId(String process) {
        if (lastProcessId >= 0 && names.get(lastProcessId) == lastProcess && lastProcess.equals(process)) {
            return lastProcessId;   // still that name's id (an id is reused only after its name is forgotten)
        }
        int p = names.find(process);
        lastProcessId = p;
        lastProcess = p >= 0 ? names.get(p) : null;
        return p;
    }

    private int find(String process, String requestId) {
        int p = processId(process);
        if (p < 0 && process != null) {
            return -1;
        }
        long h = hash(p, requestId.hashCode());
        int[] t = index.table(h);
        int parsed = 0;   // parsed only if a candidate holds a UUID: 1 a UUID, -1 not one
        for (int j = SlotIndex.home(h, t.length); t[j] != 0; j = SlotIndex.next(j, t.length)) {
            if (SlotIndex.matches(t[j], h)) {
                int s = SlotIndex.slotOf(t[j]);
                if (ints[2 * s] != p) {
                    continue;
                }
                if (others[s] != null) {
                    if (others[s].equals(requestId)) {
                        return s;
                    }
                    continue;
                }
                if (parsed == 0) {
                    parsed = uuids.parse(requestId, key) ? 1 : -1;
                }
                // parsed is 1 or -1 here, never 0: "parsed >= 0" is an equivalent mutant
                if (parsed > 0 && longs[4 * s + HI] == key[0] && longs[4 * s + LO] == key[1]) {
                    return s;
                }
            }
        }
        return -1;
    }

    private int insert(String process, String requestId, String endpoint) {
        int s = free[--freeCount];
        ints[2 * s] = process == null ? -1 : names.acquire(process);
        if (uuids.parse(requestId, key)) {
            longs[4 * s + HI] = key[0];
            longs[4 * s + LO] = key[1];
            others[s] = null;
        } else {
            others[s] = requestId;
        }
        ints[2 * s + 1] = names.acquire(endpoint);
        link(s);
        size++;
        long h = hash(ints[2 * s], requestId.hashCode());
        longs[4 * s + HASH] = h;
        index.add(h, s);
        return s;
    }

    private void setEndpoint(int s, String endpoint) {
        if (!names.get(ints[2 * s + 1]).equals(endpoint)) {
            int id = names.acquire(endpoint);
            names.release(ints[2 * s + 1]);
            ints[2 * s + 1] = id;
        }
    }

    /** Makes s the most recent. */
    private void touch(int s) {
        if (s != newest) {
            unlink(s);
            link(s);
        }
    }

    private void remove(int s) {
        index.remove(longs[4 * s + HASH], s);
        unlink(s);
        if (ints[2 * s] >= 0) {   // -1: no process ("> 0" would only keep the first process name: equivalent)
            names.release(ints[2 * s]);
        }
        names.release(ints[2 * s + 1]);
        others[s] = null;
        free[freeCount++] = s;
        size--;
    }

    private int older(int s) {
        return (int) (longs[4 * s + LINKS] >> 32);
    }

    private int newer(int s) {
        return (int) longs[4 * s + LINKS];
    }

    private void setLinks(int s, int older, int newer) {
        longs[4 * s + LINKS] = (long) older << 32 | (newer & 0xFFFF_FFFFL);
    }

    /** Appends s as the newest. */
    private void link(int s) {
        setLinks(s, newest, -1);
        if (newest >= 0) {
            setLinks(newest, older(newest), s);
        } else {
            eldest = s;
        }
        newest = s;
    }

    private void unlink(int s) {
        int o = older(s);
        int n = newer(s);
        if (o >= 0) {
            setLinks(o, older(o), n);
        } else {
            eldest = n;
        }
        if (n >= 0) {
            setLinks(n, o, newer(n));
        } else {
            newest = o;
        }
    }

    /**
     * By the request id's text (String caches its hash): a look-up parses nothing unless it finds a candidate.
     * Storing and finding use the same hash, so a changed formula changes only where entries sit (equivalent
     * mutants, docs/testing.md).
     */
    private static long hash(int process, int textHash) {
        return Uuid.mix(textHash * 0x9E37_79B9_7F4A_7C15L + process * 0x94D0_49BB_1331_11EBL);
    }

}
