package dev.poolscope.dialect;

import java.util.Locale;

/**
 * The pool logs poolscope reads (issue #16; docs/log-format.md has the exact messages). Each says what its
 * library logs, what it cannot observe, and how to turn its pool logging on.
 */
public enum Dialect {
    STRUCTLOG("structlog", "structlog pool events (pool.getconn.success, pool.putconn.success, …)", true,
            "nothing: every checkout and checkin is an event",
            "log pool.getconn.success / pool.putconn.success events (or map yours with --event-checkout/--event-checkin)"),
    HIKARICP("hikaricp", "HikariCP (com.zaxxer.hikari)", false,
            "HikariCP logs no checkout or checkin: getconn/putconn and hold times are n/a (holds only from leak"
                    + " detection); pool usage is sampled at the housekeeper's interval (30 s by default)",
            "set logger com.zaxxer.hikari to DEBUG (pool stats, configuration dump) and leakDetectionThreshold"
                    + " (ms, at least 2000) for leak warnings"),
    SQLALCHEMY("sqlalchemy", "SQLAlchemy (sqlalchemy.pool)", true,
            "pool size and max_overflow are logged only inside a QueuePool TimeoutError; waiting threads are not"
                    + " logged",
            "create_engine(..., echo_pool=\"debug\") or logging.getLogger(\"sqlalchemy.pool\").setLevel(logging.DEBUG)"),
    PSYCOPG_POOL("psycopg-pool", "psycopg_pool (psycopg.pool)", true,
            "no message names the connection (pairing is per request id, else per thread); max_size only where"
                    + " the app logs get_stats()",
            "logging.getLogger(\"psycopg.pool\").setLevel(logging.INFO)");

    private final String id;
    private final String looksFor;
    private final boolean logsCheckouts;
    private final String cannotObserve;
    private final String howToEnable;

    Dialect(String id, String looksFor, boolean logsCheckouts, String cannotObserve, String howToEnable) {
        this.id = id;
        this.looksFor = looksFor;
        this.logsCheckouts = logsCheckouts;
        this.cannotObserve = cannotObserve;
        this.howToEnable = howToEnable;
    }

    /** The name used in reports and on the command line ({@code --dialect}). */
    public String id() {
        return id;
    }

    /** What poolscope looks for in this dialect, for the "no pool events" message. */
    public String looksFor() {
        return looksFor;
    }

    /** Whether the library logs each checkout and checkin (getconn/putconn are known). */
    public boolean logsCheckouts() {
        return logsCheckouts;
    }

    public String cannotObserve() {
        return cannotObserve;
    }

    public String howToEnable() {
        return howToEnable;
    }

    /** The dialect named {@code id} ({@code hikaricp}, {@code psycopg-pool}, …), case-insensitive. */
    public static Dialect of(String id) {
        String want = id.toLowerCase(Locale.ROOT).replace('_', '-');
        for (Dialect d : values()) {
            if (d.id.equals(want)) {
                return d;
            }
        }
        throw new IllegalArgumentException("unknown dialect '" + id + "' (auto, structlog, hikaricp, sqlalchemy, psycopg-pool)");
    }
}
