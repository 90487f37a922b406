package dev.poolscope.dialect;

import dev.poolscope.event.EventKind;
import dev.poolscope.event.LineText;
import dev.poolscope.event.PoolEvent;
import dev.poolscope.event.PoolNote;
import dev.poolscope.event.PoolNote.Kind;

/**
 * psycopg_pool's messages, 3.1 to 3.3 (docs/dialects-reference.md §3). They name no connection and are logged
 * on the caller's thread: a checkout pairs with the return of the same request, or of the same thread when
 * the log has no request id.
 */
final class PsycopgPoolMessages {
    static final String ID = Dialect.PSYCOPG_POOL.id();
    static final String TIMEOUT = "couldn't get a connection after ";
    private static final String GIVEN = "connection given by ";
    private static final String RETURNING = "returning connection to ";

    private PsycopgPoolMessages() {}

    static PoolEvent recognise(PoolEvent e, LineText t) {
        String m = t.message();
        if (m == null) {
            return null;
        }
        String where = Texts.containing(TIMEOUT, m, t.stack());
        if (where != null) {
            int at = where.indexOf(TIMEOUT);
            int end = where.indexOf(" sec", at);
            String text = where.substring(at, end < 0 ? Math.min(where.length(), at + 48) : end + 4);
            return e.with(EventKind.CHECKOUT_FAILED, e.requestId(), e.connId(), e.poolUsed(), e.poolMax(),
                    new PoolNote(ID, Kind.EVENT, t.thread(), null, null, text, null, PoolEvent.NO_COUNT));
        }
        String logger = t.logger();
        boolean ours = logger != null && (logger.startsWith("psycopg.pool") || logger.startsWith("psycopg_pool"));
        if (!ours && logger != null) {
            return null;
        }
        if (m.startsWith(GIVEN) && quoted(m, GIVEN.length())) {
            return pairing(e, t, EventKind.CHECKOUT);
        }
        if (m.startsWith(RETURNING) && quoted(m, RETURNING.length())) {
            return pairing(e, t, EventKind.CHECKIN);
        }
        return ours ? e.with(e.kind(), e.requestId(), e.connId(), e.poolUsed(), e.poolMax(),
                PoolNote.of(ID, Kind.OTHER, t.thread())) : null;
    }

    /** The pool's name follows in quotes (it is printed with %r). */
    private static boolean quoted(String m, int at) {
        return m.length() > at && (m.charAt(at) == '\'' || m.charAt(at) == '"');
    }

    private static PoolEvent pairing(PoolEvent e, LineText t, EventKind kind) {
        String conn = e.requestId() == null && t.thread() != null ? "thread " + t.thread() : null;
        return e.with(kind, e.requestId(), conn, e.poolUsed(), e.poolMax(), PoolNote.of(ID, Kind.EVENT, t.thread()));
    }
}
