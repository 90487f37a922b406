package dev.poolscope.sample;

import java.util.ArrayDeque;

/**
 * One worker process's psycopg2 ThreadedConnectionPool: maxconn 80, LIFO idle list. Connection
 * ids are derived from the creation index only, so two processes reuse the same conn_id values,
 * as Python id() values do.
 */
final class Pool {
    static final int MAX = 80;
    static final int THRESHOLD = 70;
    private static final long CONN_ID_BASE = 139_700_565_504_000L;

    final int pid;
    private final int backendBase;
    private final ArrayDeque<Conn> idle = new ArrayDeque<>();
    private int used;
    private int created;
    /** Set on the first failed checkout; drives LEAKY_ROUTERS' stop/restart. */
    long firstFailure = -1;

    record Conn(long id, int backendPid) {}

    Pool(int pid, int backendBase) {
        this.pid = pid;
        this.backendBase = backendBase;
    }

    /** Takes a connection, or returns null when all {@link #MAX} are out (PoolError). */
    Conn take() {
        if (used == MAX) {
            return null;
        }
        used++;
        if (!idle.isEmpty()) {
            return idle.pop();
        }
        int n = created++;
        return new Conn(CONN_ID_BASE + 1_920L * n + 64L * (n % 7), backendBase + n * 3 + n % 2);
    }

    void give(Conn conn) {
        used--;
        idle.push(conn);
    }

    int used() {
        return used;
    }
}
