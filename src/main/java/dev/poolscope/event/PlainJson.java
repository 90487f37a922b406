package dev.poolscope.event;

import dev.poolscope.io.ByteWords;
import java.nio.charset.StandardCharsets;

/**
 * The strict subset of the JSON grammar that {@link LinePrefilter} accepts, read over one line's bytes:
 * strings without backslash-u escapes, well-formed UTF-8, jackson's default number syntax, literals,
 * spaces and tabs. Each reader takes the index to start at and returns the index after what it read, or
 * -1 when the bytes are not in the subset (then jackson decides the line).
 *
 * <p>A superclass rather than a field, so that the scanner's calls stay calls on one object, bound at
 * compile time as before the split (it is the hottest code of a run; docs/performance.md).
 */
abstract class PlainJson {
    private static final int MAX_NUMBER = 100;

    byte[] buf;
    int limit;
    /** The last string had a backslash escape. */
    boolean escaped;
    /** The last string had bytes above 0x7f. */
    boolean nonAscii;
    /** The last short key as ByteWords: see {@link #shortKeyEnd}. */
    long keyHead;
    long keyTail;
    private byte[] scratch = new byte[256];

    /** The decoded text of a string body {@code [from, to)} that {@link #string} accepted. */
    final String text(int from, int to) {
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
    static byte unescape(byte e) {
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
    final int string(int i) {
        escaped = false;
        nonAscii = false;
        while (true) {
            i = plainRun(i);   // stops at a quote, a backslash, a control byte or non-ASCII, or at the limit
            if (i >= limit) {
                return -1;
            }
            int c = buf[i] & 0xFF;
            if (c == '"') {
                return i + 1;
            } else if (c == '\\') {
                if (i + 1 >= limit || !isShortEscape(buf[i + 1])) {
                    return -1;   // backslash-u escapes may spell anything, the texts searched for included
                }
                escaped = true;
                i += 2;
            } else {
                i = utf8(i);   // a control byte is no UTF-8 lead byte either: -1
                if (i < 0) {
                    return -1;
                }
                nonAscii = true;
            }
        }
    }

    /**
     * The closing quote of a key of at most 15 plain bytes (most keys), read as one or two words whose
     * {@link ByteWords} form is left in {@code keyHead} and {@code keyTail}: no loop and no second read.
     * -1 for any other key, which {@link #string} then reads.
     */
    final int shortKeyEnd(int from) {
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
    static long specials(long w) {
        long quote = w ^ (ByteWords.ONES * '"');
        long slash = w ^ (ByteWords.ONES * '\\');
        return (((quote - ByteWords.ONES) & ~quote) | ((slash - ByteWords.ONES) & ~slash) | (w - ByteWords.ONES * 0x20) | w)
                & ByteWords.HIGHS;
    }

    /**
     * Skips string bytes that need no attention, eight at a time: the first byte that is a quote,
     * a backslash, a control character or non-ASCII stops it (see {@link #specials}).
     */
    final int plainRun(int i) {
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

    static boolean isShortEscape(byte e) {
        return e == '"' || e == '\\' || e == '/' || e == 'b' || e == 'f' || e == 'n' || e == 'r' || e == 't';
    }

    /** One well-formed UTF-8 sequence (RFC 3629: no overlongs, no surrogates); returns the index after it. */
    final int utf8(int i) {
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
    final int number(int i) {
        int start = i;
        if (buf[i] == '-') {
            i++;
        }
        if (i < limit && buf[i] == '0') {
            i++;
        } else {
            int d = digits(i);
            if (d == i) {   // no digit (a leading 0 took the branch above)
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

    final int digits(int i) {
        while (i < limit && buf[i] >= '0' && buf[i] <= '9') {
            i++;
        }
        return i;
    }

    final int literal(int i, String word) {
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
    final int ws(int i) {
        if (i < 0) {
            return i;
        }
        while (i < limit && (buf[i] == ' ' || buf[i] == '\t')) {
            i++;
        }
        return i;
    }
}
