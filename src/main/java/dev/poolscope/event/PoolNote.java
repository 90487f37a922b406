package dev.poolscope.event;

import java.util.List;

/**
 * What a line of a pool library's own log says beyond {@link PoolEvent}'s common fields (issue #16): which
 * library, which thread, and a fact of one {@link Kind}. Null on the structlog path.
 *
 * @param dialect    the library whose message this is ({@code hikaricp}, {@code sqlalchemy}, {@code psycopg-pool}),
 *                   or null for a line no library wrote (it still carries its thread)
 * @param thread     the thread that logged the line, or null
 * @param connection the connection the message names, as the library prints it
 * @param subject    per kind: the borrowing thread (leak lines), the setting's name (CONFIG), the pool's name
 *                   (CONFIG_START, STATS), where the maximum came from (MAX)
 * @param text       per kind: the setting's value (CONFIG), the exhaustion message (CHECKOUT_FAILED)
 * @param frames     leak lines: the borrow's application frames, top first, library and framework frames
 *                   already left out
 * @param waiting    threads waiting for a connection (HikariCP stats), or {@link PoolEvent#NO_COUNT}
 */
public record PoolNote(String dialect, Kind kind, String thread, String connection, String subject, String text,
                       List<String> frames, int waiting) {

    /** What the line says. */
    public enum Kind {
        /** Nothing about the pool: only its thread and context matter (request attribution). */
        LINE,
        /** A pool event that maps onto {@link EventKind} (checkout, checkin, failed checkout, request end). */
        EVENT,
        /** HikariCP "Connection leak detection triggered for {conn} on thread {thread}". */
        LEAK_SUSPECTED,
        /** HikariCP "Previously reported leaked connection {conn} on thread {thread} was returned (unleaked)". */
        LEAK_RETURNED,
        /** A pool state sample: used (and max) in the event, waiting here. */
        STATS,
        /** HikariCP "{pool} - configuration:", the start of the settings dump. */
        CONFIG_START,
        /** One setting of the dump, e.g. {@code maximumPoolSize} = {@code 12}. */
        CONFIG,
        /** The pool's maximum as the log states it, in the event's pool max; {@code subject} says how. */
        MAX,
        /** Anything else a library logs about its pool (connections opened and closed, start, shutdown). */
        OTHER
    }

    public PoolNote {
        frames = frames == null ? List.of() : List.copyOf(frames);
    }

    /** A line of no pool library, kept for its thread. */
    public static PoolNote line(String thread) {
        return new PoolNote(null, Kind.LINE, thread, null, null, null, List.of(), PoolEvent.NO_COUNT);
    }

    public static PoolNote of(String dialect, Kind kind, String thread) {
        return new PoolNote(dialect, kind, thread, null, null, null, List.of(), PoolEvent.NO_COUNT);
    }

    /** Whether a pool library wrote this line (its pool is visible). */
    public boolean fromLibrary() {
        return dialect != null;
    }
}
