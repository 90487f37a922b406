package dev.poolscope.dialect;

import dev.poolscope.event.EventKind;
import dev.poolscope.event.LineText;
import dev.poolscope.event.PoolEvent;
import dev.poolscope.event.PoolNote;
import dev.poolscope.event.PoolNote.Kind;

/**
 * HikariCP's own messages, 5.x to 7.x (docs/dialects-reference.md §1). Stateless: one line in, one event out.
 */
final class HikariMessages {
    static final String ID = Dialect.HIKARICP.id();
    static final String LOGGER = "com.zaxxer.hikari";
    static final String TIMEOUT = "Connection is not available, request timed out after ";
    private static final String LEAK = "Connection leak detection triggered for ";
    private static final String LEAK_END = ", stack trace follows";
    private static final String UNLEAKED = "Previously reported leaked connection ";
    private static final String UNLEAKED_END = " was returned to the pool (unleaked)";
    private static final String ON_THREAD = " on thread ";
    private static final String CONFIG_LOGGER = "com.zaxxer.hikari.HikariConfig";
    /** The dump pads each property name with dots to this many characters. */
    private static final int CONFIG_WIDTH = 32;

    private HikariMessages() {}

    /** The event this line means to HikariCP, or null when HikariCP did not write it and it quotes no timeout. */
    static PoolEvent recognise(PoolEvent e, LineText t) {
        String m = t.message();
        if (m == null) {
            return null;
        }
        PoolEvent timeout = timeout(e, t);
        if (timeout != null) {
            return timeout;
        }
        boolean ours = t.logger() != null && t.logger().startsWith(LOGGER);
        if (m.startsWith(LEAK) && m.endsWith(LEAK_END)) {
            return leak(e, t, Kind.LEAK_SUSPECTED, m.substring(LEAK.length(), m.length() - LEAK_END.length()));
        }
        if (m.startsWith(UNLEAKED) && m.endsWith(UNLEAKED_END)) {
            return leak(e, t, Kind.LEAK_RETURNED, m.substring(UNLEAKED.length(), m.length() - UNLEAKED_END.length()));
        }
        PoolEvent config = config(e, t);
        if (config != null) {
            return config;
        }
        int dash = m.indexOf(" - ");
        if (dash > 0) {
            PoolEvent pooled = pooled(e, t, m.substring(0, dash), Texts.squeeze(m.substring(dash + 3)), ours);
            if (pooled != null) {
                return pooled;
            }
        }
        return ours ? e.with(e.kind(), e.requestId(), e.connId(), e.poolUsed(), e.poolMax(),
                PoolNote.of(ID, Kind.OTHER, t.thread())) : null;
    }

    /**
     * "{pool} - Connection is not available, request timed out after {n}ms (total=, active=, idle=, waiting=)":
     * the exception text, wherever the application logged it (message or stack trace). One line is one failure
     * even when it quotes the text twice.
     */
    private static PoolEvent timeout(PoolEvent e, LineText t) {
        String where = Texts.containing(TIMEOUT, t.message(), t.stack());
        if (where == null) {
            return null;
        }
        int at = where.indexOf(TIMEOUT);
        int close = where.indexOf(')', at);
        String text = where.substring(poolNameStart(where, at), close < 0 ? where.length() : close + 1);
        Stats s = Stats.parse(text);
        PoolNote note = new PoolNote(ID, Kind.EVENT, t.thread(), null, null, text, null, s == null ? PoolEvent.NO_COUNT
                : s.waiting());
        return e.with(EventKind.CHECKOUT_FAILED, e.requestId(), e.connId(), s == null ? PoolEvent.NO_COUNT : s.active(),
                e.poolMax(), note);
    }

    /** Where "{pool} - " starts before the timeout text (pool names have no spaces by default). */
    private static int poolNameStart(String s, int timeoutAt) {
        int dash = timeoutAt - 3;
        if (dash <= 0 || !s.startsWith(" - ", dash)) {
            return timeoutAt;
        }
        int start = dash;
        while (start > 0 && !Character.isWhitespace(s.charAt(start - 1)) && s.charAt(start - 1) != ':') {
            start--;
        }
        return start;
    }

    /** Split on " on thread ", not whitespace: connection names hold spaces and colons (H2: "conn1: url=… user=SA"). */
    private static PoolEvent leak(PoolEvent e, LineText t, Kind kind, String rest) {
        int on = rest.lastIndexOf(ON_THREAD);
        if (on < 0) {
            return null;
        }
        String connection = rest.substring(0, on);
        String borrower = rest.substring(on + ON_THREAD.length());
        PoolNote note = new PoolNote(ID, kind, t.thread(), connection, borrower, null,
                kind == Kind.LEAK_SUSPECTED ? StackFrames.applicationFrames(t.stack()) : null, PoolEvent.NO_COUNT);
        return e.with(EventKind.OTHER, e.requestId(), connection, e.poolUsed(), e.poolMax(), note);
    }

    /** "maximumPoolSize.................12": the configuration dump, one property a line, no pool name. */
    private static PoolEvent config(PoolEvent e, LineText t) {
        String m = t.message();
        int dots = m.indexOf("..");
        boolean dump = CONFIG_LOGGER.equals(t.logger())
                || t.logger() == null && m.length() > CONFIG_WIDTH && m.charAt(CONFIG_WIDTH - 1) == '.';
        if (dots <= 0 || !dump) {
            return null;
        }
        for (int i = 0; i < dots; i++) {
            if (!Character.isLetterOrDigit(m.charAt(i))) {
                return null;
            }
        }
        int end = dots;
        while (end < m.length() && m.charAt(end) == '.' && end < CONFIG_WIDTH) {
            end++;
        }
        String key = m.substring(0, dots);
        String value = m.substring(end).strip();
        int max = "maximumPoolSize".equals(key) ? Texts.natural(value) : PoolEvent.NO_COUNT;
        PoolNote note = new PoolNote(ID, Kind.CONFIG, t.thread(), null, key, value, null, PoolEvent.NO_COUNT);
        return e.with(e.kind(), e.requestId(), e.connId(), e.poolUsed(), max >= 0 ? max : e.poolMax(), note);
    }

    /** "{pool} - …": the stats line in any of its prefixes and forms, the dump's start, or another pool line. */
    private static PoolEvent pooled(PoolEvent e, LineText t, String pool, String rest, boolean ours) {
        if (rest.equals("configuration:")) {
            return e.with(e.kind(), e.requestId(), e.connId(), e.poolUsed(), e.poolMax(),
                    new PoolNote(ID, Kind.CONFIG_START, t.thread(), null, pool, null, null, PoolEvent.NO_COUNT));
        }
        int stats = rest.indexOf("stats (");
        if (stats >= 0 && rest.endsWith(")") && pool.indexOf(' ') < 0) {
            Stats s = Stats.parse(rest.substring(stats));
            if (s != null) {
                PoolNote note = new PoolNote(ID, Kind.STATS, t.thread(), null, pool, rest.substring(0, stats).strip(),
                        null, s.waiting());
                return e.with(e.kind(), e.requestId(), e.connId(), s.active(), s.max() >= 0 ? s.max() : e.poolMax(),
                        note);
            }
        }
        return null;
    }
}
