package dev.poolscope.event;

import dev.poolscope.io.ByteWords;
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
final class LinePrefilter {
    /** Longer lines are rare; jackson's own limits (string length, nesting) then apply unchanged. */
    static final int MAX_LINE = 1 << 20;
    private static final int MAX_DEPTH = 32;
    private static final int MAX_NUMBER = 100;

    private final KeyTable keys;
    private final int[] ranks;
    private byte[] buf;
    private int limit;
    private boolean escaped;    // the last string had a backslash escape
    private boolean nonAscii;   // the last string had bytes above 0x7f
    private long keyHead;       // the last short key as ByteWords: see shortKeyEnd
    private long keyTail;
    private boolean exhaustedText;
    private boolean timeoutText;
    /** Set while a severe line is walked a second time to search its values for an error signal. */
    private boolean searching;
    private Signal signal;
    private byte[] scratch = new byte[256];
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
        String[] scratch = new String[values.length];
        int[] kept = ranks.clone();
        java.util.Arrays.fill(ranks, Integer.MAX_VALUE);
        int i = ws(ws(off) + 1);
        while (i >= 0 && i < limit && buf[i] != '}') {
            i = member(i, scratch);
            i = i < 0 ? i : ws(i);
            i = i >= 0 && i < limit && buf[i] == ',' ? ws(i + 1) : i;
        }
        System.arraycopy(kept, 0, ranks, 0, ranks.length);
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

    /** The decoded text of a string body {@code [from, to)} that {@link #string} accepted. */
    private String text(int from, int to) {
        if (!escaped) {
            return new String(buf, from, to - from, nonAscii ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        }
        if (scratch.length < to - from) {
            scratch = new byte[Math.max(to - from, scratch.length * 2)];
        }
        int n = 0;
        for (int i = from; i < to; i++) {
            byte c = buf[i];
            if (c == '\\') {
                c = unescape(buf[++i]);
            }
            scratch[n++] = c;
        }
        return new String(scratch, 0, n, nonAscii ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
    }

    /** What a short escape stands for; every one is a single ASCII byte. */
    private static byte unescape(byte e) {
        return switch (e) {
            case 'b' -> '\b';
            case 'f' -> '\f';
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            default -> e;   // the quote, the backslash and the slash stand for themselves
        };
    }

    /** A string's body from just after its opening quote; returns the index after the closing quote. */
    private int string(int i) {
        escaped = false;
        nonAscii = false;
        while (i < limit) {
            i = plainRun(i);
            if (i >= limit) {
                break;
            }
            int c = buf[i] & 0xFF;
            if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
                i++;
            } else if (c == '"') {
                return i + 1;
            } else if (c == '\\') {
                if (i + 1 >= limit || !isShortEscape(buf[i + 1])) {
                    return -1;   // backslash-u escapes may spell anything, the texts searched for included
                }
                escaped = true;
                i += 2;
            } else if (c < 0x20) {
                return -1;
            } else {
                i = utf8(i);
                if (i < 0) {
                    return -1;
                }
                nonAscii = true;
            }
        }
        return -1;
    }

    /**
     * The closing quote of a key of at most 15 plain bytes (most keys), read as one or two words whose
     * {@link ByteWords} form is left in {@code keyHead} and {@code keyTail}: no loop and no second read.
     * -1 for any other key, which {@link #string} then reads.
     */
    private int shortKeyEnd(int from) {
        if (from + ByteWords.WHOLE > limit) {
            return -1;
        }
        long first = ByteWords.word(buf, from);
        long flags = specials(first);
        if (flags != 0) {
            int len = Long.numberOfTrailingZeros(flags) >>> 3;
            if (buf[from + len] != '"') {
                return -1;
            }
            keyHead = first & ((1L << (len << 3)) - 1);
            keyTail = 0;
            return from + len;
        }
        flags = specials(ByteWords.word(buf, from + Long.BYTES));
        if (flags == 0) {
            return -1;
        }
        int len = Long.BYTES + (Long.numberOfTrailingZeros(flags) >>> 3);
        if (buf[from + len] != '"') {
            return -1;
        }
        keyHead = first;
        keyTail = ByteWords.word(buf, from + len - Long.BYTES);
        return from + len;
    }

    /**
     * The high bit of each byte of {@code w} that is a quote, a backslash, a control character or
     * non-ASCII (SWAR: "determine if a word has a byte less than n", Hacker's Delight 6-1). Bytes above
     * a flagged one may be flagged wrongly; the lowest flagged byte is always exact.
     */
    private static long specials(long w) {
        long quote = w ^ (ByteWords.ONES * '"');
        long slash = w ^ (ByteWords.ONES * '\\');
        return (((quote - ByteWords.ONES) & ~quote) | ((slash - ByteWords.ONES) & ~slash) | (w - ByteWords.ONES * 0x20) | w)
                & ByteWords.HIGHS;
    }

    /**
     * Skips string bytes that need no attention, eight at a time: the first byte that is a quote,
     * a backslash, a control character or non-ASCII stops it (see {@link #specials}).
     */
    private int plainRun(int i) {
        while (i + Long.BYTES <= limit) {
            long flags = specials(ByteWords.word(buf, i));
            if (flags != 0) {
                return i + (Long.numberOfTrailingZeros(flags) >>> 3);
            }
            i += Long.BYTES;
        }
        while (i < limit) {
            int c = buf[i] & 0xFF;
            if (c < 0x20 || c >= 0x80 || c == '"' || c == '\\') {
                return i;
            }
            i++;
        }
        return i;
    }

    private static boolean isShortEscape(byte e) {
        return e == '"' || e == '\\' || e == '/' || e == 'b' || e == 'f' || e == 'n' || e == 'r' || e == 't';
    }

    /** One well-formed UTF-8 sequence (RFC 3629: no overlongs, no surrogates); returns the index after it. */
    private int utf8(int i) {
        int c = buf[i] & 0xFF;
        int n;
        int lo = 0x80;
        int hi = 0xBF;
        if (c >= 0xC2 && c <= 0xDF) {
            n = 1;
        } else if (c >= 0xE0 && c <= 0xEF) {
            n = 2;
            lo = c == 0xE0 ? 0xA0 : 0x80;
            hi = c == 0xED ? 0x9F : 0xBF;
        } else if (c >= 0xF0 && c <= 0xF4) {
            n = 3;
            lo = c == 0xF0 ? 0x90 : 0x80;
            hi = c == 0xF4 ? 0x8F : 0xBF;
        } else {
            return -1;
        }
        if (i + n >= limit) {
            return -1;
        }
        int second = buf[i + 1] & 0xFF;
        if (second < lo || second > hi) {
            return -1;
        }
        for (int k = 2; k <= n; k++) {
            if ((buf[i + k] & 0xC0) != 0x80) {
                return -1;
            }
        }
        return i + n + 1;
    }

    /** {@code -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?}, the only numbers jackson reads by default. */
    private int number(int i) {
        int start = i;
        if (buf[i] == '-') {
            i++;
        }
        if (i < limit && buf[i] == '0') {
            i++;
        } else {
            int d = digits(i);
            if (d == i || buf[i] == '0') {
                return -1;
            }
            i = d;
        }
        if (i < limit && buf[i] == '.') {
            int d = digits(i + 1);
            if (d == i + 1) {
                return -1;
            }
            i = d;
        }
        if (i < limit && (buf[i] == 'e' || buf[i] == 'E')) {
            i++;
            if (i < limit && (buf[i] == '+' || buf[i] == '-')) {
                i++;
            }
            int d = digits(i);
            if (d == i) {
                return -1;
            }
            i = d;
        }
        return i - start > MAX_NUMBER ? -1 : i;
    }

    private int digits(int i) {
        while (i < limit && buf[i] >= '0' && buf[i] <= '9') {
            i++;
        }
        return i;
    }

    private int literal(int i, String word) {
        if (i + word.length() > limit) {
            return -1;
        }
        for (int k = 0; k < word.length(); k++) {
            if (buf[i + k] != word.charAt(k)) {
                return -1;
            }
        }
        return i + word.length();
    }

    /** Skips spaces and tabs; passes -1 through. Other whitespace is rare enough to leave to jackson. */
    private int ws(int i) {
        if (i < 0) {
            return i;
        }
        while (i < limit && (buf[i] == ' ' || buf[i] == '\t')) {
            i++;
        }
        return i;
    }
}
