package dev.poolscope.event;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * The known error texts of the findings schema-missing and stale-connections-dropped
 * (docs/findings.md), searched in string values. Only lines at warning level or above, or without a
 * level, or carrying a SQLSTATE are searched ({@link #severe}): info and debug lines, nearly every line of
 * a healthy log, cost a length check per value and nothing more.
 */
public final class ErrorSignals {
    /** The longest text kept of a value holding a signal. */
    public static final int TEXT_MAX = 400;
    /** SQLSTATE undefined_table. */
    public static final String UNDEFINED_TABLE = "42P01";

    private record Needle(String text, Signal.Kind kind, byte[] bytes) {
        Needle(String text, Signal.Kind kind) {
            this(text, kind, text.getBytes(StandardCharsets.US_ASCII));
        }
    }

    private static final List<Needle> NEEDLES = List.of(
            new Needle("does not exist", Signal.Kind.SCHEMA_MISSING),     // PostgreSQL: relation "x" does not exist
            new Needle("UndefinedTable", Signal.Kind.SCHEMA_MISSING),     // psycopg2/psycopg/asyncpg class names
            new Needle("undefined table", Signal.Kind.SCHEMA_MISSING),
            new Needle("no such table", Signal.Kind.SCHEMA_MISSING),      // SQLite
            new Needle("doesn't exist", Signal.Kind.SCHEMA_MISSING),      // MySQL, MariaDB: Table 'x' doesn't exist
            new Needle("Unable to retrieve routing information", Signal.Kind.STALE_CONNECTION),   // Neo4j drivers
            new Needle("defunct connection", Signal.Kind.STALE_CONNECTION),
            new Needle("server closed the connection unexpectedly", Signal.Kind.STALE_CONNECTION),   // libpq
            new Needle("SSL SYSCALL error: EOF detected", Signal.Kind.STALE_CONNECTION),
            new Needle("terminating connection due to administrator command", Signal.Kind.STALE_CONNECTION),
            new Needle("This connection has been closed", Signal.Kind.STALE_CONNECTION),   // pgjdbc
            new Needle("Failed to validate connection", Signal.Kind.STALE_CONNECTION));     // HikariCP
    /** Values shorter than the shortest text cannot hold one. */
    public static final int MIN_LENGTH = NEEDLES.stream().mapToInt(n -> n.bytes.length).min().orElseThrow();
    /** For each pair of first two bytes, the needles starting with it (bit i = needle i). */
    private static final short[] STARTS = starts();

    private ErrorSignals() {}

    /**
     * Whether a line at this level is searched: warning and above, any level that is not a known quiet
     * one, a numeric level of 40 or more (pino, bunyan), or no level at all.
     */
    public static boolean severe(String level) {
        if (level == null || level.isEmpty()) {
            return true;
        }
        char c = level.charAt(0);
        if (c >= '0' && c <= '3') {
            // numeric: two digits below 40 are quiet, three digits are 100 or more; a first digit 4-9 is 40
            // or more and falls to the default below
            return level.length() > 2;
        }
        return switch (Character.toLowerCase(c)) {
            case 'i', 'd', 't', 'n', 'v' -> false;   // info, debug, trace, notice, verbose
            case 'f' -> !level.regionMatches(true, 0, "fine", 0, 4);   // java.util.logging's FINE..FINEST
            case 'c' -> !level.equalsIgnoreCase("config");
            case 'l' -> !level.equalsIgnoreCase("log");
            case 's' -> !level.regionMatches(true, 0, "statement", 0, 9);
            default -> true;
        };
    }

    /** Whether raw bytes {@code [from, to)} may hold a needle: a cheap first pass, confirmed on decoded text. */
    static boolean mayHold(byte[] b, int from, int to) {
        for (int i = from; i + 1 < to; i++) {
            int bits = STARTS[(b[i] & 0xFF) << 8 | (b[i + 1] & 0xFF)];
            if (bits != 0 && matchesFrom(b, i, to, bits)) {
                return true;
            }
        }
        return false;
    }

    /** Whether one of the needles in {@code bits} starts at {@code at} and ends by {@code to}. */
    private static boolean matchesFrom(byte[] b, int at, int to, int bits) {
        for (int rest = bits; rest != 0; rest &= rest - 1) {   // each set bit, lowest first
            byte[] needle = NEEDLES.get(Integer.numberOfTrailingZeros(rest)).bytes;
            if (at + needle.length <= to && Arrays.equals(b, at, at + needle.length, needle, 0, needle.length)) {
                return true;
            }
        }
        return false;
    }

    /** The signal a decoded string value holds, or null; the first needle in the list's order wins. */
    static Signal find(String text) {
        for (Needle n : NEEDLES) {
            if (text.contains(n.text)) {
                return signal(n, text);
            }
        }
        return null;
    }

    private static Signal signal(Needle n, String text) {
        return new Signal(n.kind, n.text, text.substring(0, Math.min(text.length(), TEXT_MAX)));
    }

    /** The same over jackson's character buffer, copying the text only on a hit. */
    static Signal find(char[] chars, int off, int len) {
        for (Needle n : NEEDLES) {
            if (len >= n.text.length() && TextScan.contains(chars, off, len, n.text)) {
                return signal(n, new String(chars, off, len));
            }
        }
        return null;
    }

    private static short[] starts() {
        short[] table = new short[1 << 16];
        for (int k = 0; k < NEEDLES.size(); k++) {
            byte[] b = NEEDLES.get(k).bytes;
            table[(b[0] & 0xFF) << 8 | (b[1] & 0xFF)] |= (short) (1 << k);
        }
        return table;
    }
}
