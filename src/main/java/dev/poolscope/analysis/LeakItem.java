package dev.poolscope.analysis;

/**
 * A checkout still open at the end of the input.
 *
 * @param ageMicros    time from checkout to the log's last timestamp; {@link #UNKNOWN_AGE} when the
 *                     checkout came before any timestamp
 * @param requestEnded its request logged its end afterwards (proof of a leak, not slowness)
 * @param thread       the borrowing thread, where the log names it (HikariCP leak warnings, SQLAlchemy and
 *                     psycopg_pool checkout lines), else null
 * @param origin       the application frame that borrowed, where the log has the stack (HikariCP), else null
 */
public record LeakItem(String process, String requestId, String connId, String endpoint, long acquiredAt,
                       long ageMicros, boolean requestEnded, String source, long line, String thread, String origin)
        implements Listed {
    public static final long UNKNOWN_AGE = -1;

    /** By time, process, file, line. One lambda, not a chain of them: each is linked at start-up. */
    static final java.util.Comparator<Listed> OLDEST_FIRST = (a, b) -> {
        int c = Long.compare(a.acquiredAt(), b.acquiredAt());
        if (c == 0) {
            c = a.process().compareTo(b.process());
        }
        if (c == 0) {
            c = a.source().compareTo(b.source());
        }
        return c != 0 ? c : Long.compare(a.line(), b.line());
    };


    /** A leak found by pairing checkouts, which knows no thread or origin. */
    public LeakItem(String process, String requestId, String connId, String endpoint, long acquiredAt,
                    long ageMicros, boolean requestEnded, String source, long line) {
        this(process, requestId, connId, endpoint, acquiredAt, ageMicros, requestEnded, source, line, null, null);
    }
}
