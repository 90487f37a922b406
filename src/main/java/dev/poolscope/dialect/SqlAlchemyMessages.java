package dev.poolscope.dialect;

import dev.poolscope.event.EventKind;
import dev.poolscope.event.LineText;
import dev.poolscope.event.PoolEvent;
import dev.poolscope.event.PoolNote;
import dev.poolscope.event.PoolNote.Kind;

/**
 * SQLAlchemy's pool messages, the same in 1.3, 1.4 and 2.0 (docs/dialects-reference.md §2). The connection's
 * identity is the {@code at 0x…} address in its repr: psycopg 3's repr also shows a transaction state that
 * changes between checkout and return.
 */
final class SqlAlchemyMessages {
    static final String ID = Dialect.SQLALCHEMY.id();
    static final String LOGGER = "sqlalchemy.pool";
    static final String LIMIT = "QueuePool limit of size ";
    private static final String CHECKED_OUT = " checked out from pool";
    private static final String RETURNED = " being returned to pool";
    private static final String CONNECTION = "Connection ";

    private SqlAlchemyMessages() {}

    static PoolEvent recognise(PoolEvent e, LineText t) {
        String m = t.message();
        if (m == null) {
            return null;
        }
        PoolEvent limit = limit(e, t);
        if (limit != null) {
            return limit;
        }
        boolean ours = t.logger() != null && t.logger().startsWith(LOGGER);
        if (!ours && t.logger() != null) {
            return null;
        }
        if (m.startsWith(CONNECTION) && m.endsWith(CHECKED_OUT)) {
            String conn = m.substring(CONNECTION.length(), m.length() - CHECKED_OUT.length());
            return e.with(EventKind.CHECKOUT, e.requestId(), address(conn), e.poolUsed(), e.poolMax(), note(t, conn));
        }
        if (m.startsWith(CONNECTION) && m.endsWith(RETURNED)) {
            // Paired by the connection alone: a connection garbage-collected while checked out is returned on
            // whatever thread ran the collector, under another request's context.
            String conn = m.substring(CONNECTION.length(), m.length() - RETURNED.length());
            return e.with(EventKind.CHECKIN, null, address(conn), e.poolUsed(), e.poolMax(), note(t, conn));
        }
        return ours ? e.with(e.kind(), e.requestId(), e.connId(), e.poolUsed(), e.poolMax(),
                PoolNote.of(ID, Kind.OTHER, t.thread())) : null;
    }

    private static PoolNote note(LineText t, String conn) {
        return new PoolNote(ID, Kind.EVENT, t.thread(), conn, null, null, null, PoolEvent.NO_COUNT);
    }

    /**
     * "QueuePool limit of size N overflow M reached, connection timed out, timeout T": the application's
     * TimeoutError, a failed checkout; N + M is the pool's capacity.
     */
    private static PoolEvent limit(PoolEvent e, LineText t) {
        String where = Texts.containing(LIMIT, t.message(), t.stack());
        if (where == null) {
            return null;
        }
        int at = where.indexOf(LIMIT) + LIMIT.length();
        int sizeEnd = where.indexOf(' ', at);
        int size = sizeEnd < 0 ? -1 : Texts.natural(where.substring(at, sizeEnd));
        int overflow = -1;
        if (size >= 0 && where.startsWith(" overflow ", sizeEnd)) {
            int from = sizeEnd + " overflow ".length();
            int to = where.indexOf(' ', from);
            overflow = to < 0 ? -1 : Texts.natural(where.substring(from, to));
        }
        int capacity = size >= 0 && overflow >= 0 ? size + overflow : PoolEvent.NO_COUNT;
        int end = where.indexOf(" reached", at);
        String text = where.substring(at - LIMIT.length(), end < 0 ? Math.min(where.length(), at + 40) : end + 8);
        PoolNote note = new PoolNote(ID, capacity >= 0 ? Kind.MAX : Kind.EVENT, t.thread(), null,
                capacity >= 0 ? "SQLAlchemy QueuePool limit: pool_size " + size + " + max_overflow " + overflow : null,
                text, null, PoolEvent.NO_COUNT);
        return e.with(EventKind.CHECKOUT_FAILED, e.requestId(), e.connId(), e.poolUsed(),
                capacity >= 0 ? capacity : e.poolMax(), note);
    }

    /** "0x7f2928aee480" from "<connection object at 0x7f2928aee480; dsn: …>" or "<psycopg.Connection [IDLE] (…) at 0x…>". */
    static String address(String repr) {
        int at = repr.lastIndexOf(" at 0x");
        if (at < 0) {
            return repr;
        }
        int from = at + 4;
        int to = from + 2;
        while (to < repr.length() && Character.digit(repr.charAt(to), 16) >= 0) {
            to++;
        }
        return repr.substring(from, to);
    }
}
