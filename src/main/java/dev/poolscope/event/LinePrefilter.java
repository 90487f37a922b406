package dev.poolscope.event;

import java.nio.charset.StandardCharsets;

/**
 * The byte-level pre-filter in front of jackson (issue #8). Most log lines are plain JSON objects
 * without backslash-u escapes. For such a line this scanner checks the whole line against a strict
 * subset of the JSON grammar that jackson accepts, reads the mapped top-level values straight from the
 * bytes (same last-wins-by-rank rule as the jackson path) and searches string values long enough to hold
 * the exhaustion and timeout texts. Whenever it cannot prove the line plain it
 * answers {@code false} and the caller parses the line with jackson, so it never decides a result on its
 * own: a malformed line, an escaped key or a backslash-u escape always reaches jackson.
 * Not thread-safe: one per decoder.
 */
final class LinePrefilter extends PlainJson {
    /** Longer lines are rare; jackson's own limits (string length, nesting) then apply unchanged. */
    static final int MAX_LINE = 1 << 20;
    private static final int MAX_DEPTH = 32;

    private final KeyTable keys;
    private final int[] ranks;
    private boolean exhaustedText;
    private boolean timeoutText;
    /** Set while a severe line is walked a second time to search its values for an error signal. */
    private boolean searching;
    private Signal signal;
    /**
     * Stands in {@code values[TIME]} for an ISO UTC timestamp read straight from bytes (compared by
     * identity): no String per line for the one value every line has.
     */
    static final String UTC_TIME = new String("(timestamp read from bytes)");
    private static final String INFO = "info";
    private final UtcMinutes utcMinutes = new UtcMinutes();
    private long utcMicros;
    private long chosenUtcMicros;
    /**
     * Per field but the time: values repeat (event names, pids, connections, counts) or come back a few
     * lines later (a request's id and path), and one String per value saves the analysis hashing it again.
     */
    private final ValueCache[] caches = new ValueCache[Field.values().length];

    /**
     * Raw event texts longer than this cannot decode to an event name, which is all the decoder wants of
     * them: a decoded text has at least half the raw bytes (an escape is two bytes for one), and the
     * longest name has half this many. Access-log lines and messages are such texts.
     */
    private int eventTextLimit;

    /** Event texts of any length are read: user signatures match messages (docs/findings.md). */
    void keepMessages() {
        eventTextLimit = Integer.MAX_VALUE;
    }

    LinePrefilter(FieldMapping mapping, EventNames names) {
        this(mapping, names, false);
    }

    /** @param wholeMessages keep event texts of any length: library dialects read the message itself */
    LinePrefilter(FieldMapping mapping, EventNames names, boolean wholeMessages) {
        this.keys = new KeyTable(mapping);
        this.eventTextLimit = wholeMessages ? Integer.MAX_VALUE : 2 * names.longestUtf8();
        this.ranks = new int[Field.values().length];
        for (Field f : Field.values()) {
            caches[f.ordinal()] = f == Field.TIME || f == Field.STACK || mapping.keys(f).isEmpty()
                    ? null : new ValueCache();
        }
    }

    /**
     * Fills {@code values} (indexed by {@link Field#ordinal()}, all null on entry) when the line is plain;
     * returns false, leaving {@code values} to be cleared, when jackson must decide.
     */
    boolean scan(byte[] b, int off, int len, String[] values) {
        if (len > MAX_LINE) {
            return false;
        }
        exhaustedText = false;
        timeoutText = false;
        signal = null;
        java.util.Arrays.fill(ranks, Integer.MAX_VALUE);
        buf = b;
        limit = off + len;
        int i = ws(off);
        if (i >= limit || b[i] != '{') {
            return false;
        }
        i = ws(i + 1);
        if (i < limit && b[i] == '}') {
            return ws(i + 1) == limit;
        }
        while (true) {
            i = member(i, values);
            if (i < 0) {
                return false;
            }
            i = ws(i);
            if (i >= limit) {
                return false;
            } else if (b[i] == '}') {
                return ws(i + 1) == limit && signals(off, values);
            } else if (b[i] != ',') {
                return false;
            }
            i = ws(i + 1);
        }
    }

    /** A string value of the last accepted line quotes "connection pool exhausted". */
    boolean exhaustedText() {
        return exhaustedText;
    }

    /** A string value of the last accepted line quotes the statement-timeout text. */
    boolean timeoutText() {
        return timeoutText;
    }

    /** The error signal of the last accepted line, or null (see {@link ErrorSignals}). */
    Signal signal() {
        return signal;
    }

    /**
     * On a line at warning level or above, without a level, or with a SQLSTATE, walks the line once more
     * searching its string values for an error signal ({@link ErrorSignals}); info and debug lines, nearly
     * all lines of a healthy log, pay one level check. Always true: the line was accepted.
     */
    private boolean signals(int off, String[] values) {
        if (!ErrorSignals.severe(values[Field.LEVEL.ordinal()]) && values[Field.SQLSTATE.ordinal()] == null) {
            return true;
        }
        searching = true;
        String[] scratch = new String[values.length];   // the first walk's values stay; ranks only skip takes
        int i = ws(ws(off) + 1);
        while (i >= 0 && i < limit && buf[i] != '}') {
            i = member(i, scratch);
            i = i < 0 ? i : ws(i);
            i = i >= 0 && i < limit && buf[i] == ',' ? ws(i + 1) : i;
        }
        searching = false;
        return true;
    }

    /** One top-level {@code "key": value}; keeps the value when the key is mapped. */
    private int member(int i, String[] values) {
        if (i >= limit || buf[i] != '"') {
            return -1;
        }
        int keyStart = i + 1;
        FieldMapping.Slot slot;
        int keyEnd = shortKeyEnd(keyStart);
        if (keyEnd >= 0) {
            slot = keys.findShort(keyHead, keyTail, keyEnd - keyStart);
            i = keyEnd + 1;
        } else {
            i = string(keyStart);
            if (i < 0 || escaped) {
                return -1;
            }
            slot = keys.find(buf, keyStart, i - 1 - keyStart);
        }
        boolean structured = slot != null && slot.field().structured();
        if (slot != null && slot.rank() > ranks[slot.field().ordinal()]) {
            slot = null;   // a better key of the field came earlier (take() would drop it): only validate
        }
        i = ws(i);
        if (i >= limit || buf[i] != ':') {
            return -1;
        }
        i = ws(i + 1);
        if (i >= limit) {
            return -1;
        }
        int start = i;
        byte c = buf[i];
        if (c == '"') {
            i = stringValue(i + 1);
            if (i >= 0 && slot != null) {
                take(slot, values, stringOf(slot.field(), start + 1, i - 1));
            }
            return i;
        } else if (c == '-' || (c >= '0' && c <= '9')) {
            i = number(i);
            if (i >= 0 && slot != null) {
                ValueCache cache = caches[slot.field().ordinal()];
                take(slot, values, cache == null ? new String(buf, start, i - start, StandardCharsets.ISO_8859_1)
                        : cache.get(buf, start, i - start, false));
            }
            return i;
        }
        if (structured && (c == '{' || c == '[')) {
            return -1;   // logback JsonEncoder's mdc, arguments, throwable: read by NestedValues on the jackson path
        }
        return value(i, 2);   // objects, arrays and literals leave a slot empty, as on the jackson path
    }

    /** The value of a string body {@code [from, to)} of a mapped field, as cheaply as its field allows. */
    private String stringOf(Field field, int from, int to) {
        if (field == Field.EVENT && to - from > eventTextLimit) {
            return null;   // read as no event name: classified as another event either way
        }
        if (escaped || nonAscii) {
            return text(from, to);
        }
        if (field == Field.LEVEL && to - from == 4 && buf[from] == 'i' && buf[from + 1] == 'n' && buf[from + 2] == 'f'
                && buf[from + 3] == 'o') {
            return INFO;   // the level of nearly every line: no hashing
        }
        if (field == Field.TIME) {
            long micros = utcMinutes.parse(buf, from, to - from);
            if (micros != PoolEvent.NO_TIME) {
                utcMicros = micros;   // kept only if this value wins: see take()
                return UTC_TIME;
            }
            return text(from, to);
        }
        ValueCache cache = caches[field.ordinal()];
        return cache == null ? text(from, to) : cache.get(buf, from, to - from, false);
    }

    /** The time of the line's timestamp when it was read from bytes: {@code values[TIME]} is then {@link #UTC_TIME}. */
    long utcMicros() {
        return chosenUtcMicros;
    }

    private void take(FieldMapping.Slot slot, String[] values, String text) {
        int f = slot.field().ordinal();
        // Duplicate keys: the last one wins, as in EventDecoder#take.
        if (slot.rank() <= ranks[f]) {
            ranks[f] = slot.rank();
            values[f] = text;
            if (text == UTC_TIME) {
                chosenUtcMicros = utcMicros;
            }
        }
    }

    private int value(int i, int depth) {
        if (i >= limit) {
            return -1;
        }
        byte c = buf[i];
        return switch (c) {
            case '"' -> stringValue(i + 1);
            case '{' -> container(i + 1, depth, true);
            case '[' -> container(i + 1, depth, false);
            case 't' -> literal(i, "true");
            case 'f' -> literal(i, "false");
            case 'n' -> literal(i, "null");
            default -> c == '-' || (c >= '0' && c <= '9') ? number(i) : -1;
        };
    }

    /** A nested object or array, from just after its opening bracket. */
    private int container(int i, int depth, boolean object) {
        if (depth > MAX_DEPTH) {
            return -1;
        }
        byte close = (byte) (object ? '}' : ']');
        i = ws(i);
        if (i < limit && buf[i] == close) {
            return i + 1;
        }
        while (true) {
            if (object) {
                if (i >= limit || buf[i] != '"') {
                    return -1;
                }
                i = ws(string(i + 1));
                if (i < 0 || i >= limit || buf[i] != ':') {
                    return -1;
                }
                i = ws(i + 1);
            }
            i = ws(value(i, depth + 1));
            if (i < 0 || i >= limit) {
                return -1;
            } else if (buf[i] == close) {
                return i + 1;
            } else if (buf[i] != ',') {
                return -1;
            }
            i = ws(i + 1);
        }
    }

    /**
     * A string value: like {@link #string}, also looking for the texts in it. Searched value by value,
     * not the whole line: keys, numbers and short values (most of a line) cannot hold them.
     */
    private int stringValue(int i) {
        int end = string(i);
        if (searching && signal == null && end - 1 - i >= ErrorSignals.MIN_LENGTH
                && ErrorSignals.mayHold(buf, i, end - 1)) {
            boolean wasEscaped = escaped;
            boolean wasNonAscii = nonAscii;
            escaped = true;   // decode any escape and UTF-8: rare, so the general path
            nonAscii = true;
            signal = ErrorSignals.find(text(i, end - 1));
            escaped = wasEscaped;
            nonAscii = wasNonAscii;
        }
        if (end >= 0 && Needles.mayHold(i, end - 1)) {
            int found = Needles.find(buf, i, end - 1);   // raw and decoded text agree here: see Needles
            exhaustedText |= (found & Needles.EXHAUSTED_FOUND) != 0;
            timeoutText |= (found & Needles.TIMEOUT_FOUND) != 0;
        }
        return end;
    }
}
