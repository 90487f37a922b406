package dev.poolscope.io;

import java.io.IOException;
import java.io.InputStream;

/**
 * Splits a byte stream into lines without decoding them: the JSON parser reads the bytes directly,
 * so no {@code String} is built per line. Memory is one buffer that grows to the longest line kept,
 * never beyond {@code maxLineBytes}; longer lines are scanned past and reported as overlong.
 */
public final class LineReader {
    private static final int INITIAL_BUFFER = 1 << 20;
    private static final long NEWLINES = ByteWords.ONES * '\n';

    private final int maxLineBytes;

    public LineReader(int maxLineBytes) {
        if (maxLineBytes < 16) {
            throw new IllegalArgumentException("maxLineBytes must be at least 16: " + maxLineBytes);
        }
        this.maxLineBytes = maxLineBytes;
    }

    /** Reads {@code in} to its end; returns the number of lines seen (including blank and overlong ones). */
    public long read(InputStream in, LineConsumer consumer) throws IOException {
        byte[] buf = new byte[Math.min(INITIAL_BUFFER, Math.max(maxLineBytes + 1, 64))];
        int start = 0;      // first byte of the current line
        int end = 0;        // bytes filled
        long lineNo = 0;
        boolean skipping = false;   // inside an overlong line, discarding until its newline
        long skippedLength = 0;
        boolean first = true;
        while (true) {
            int scan = end;   // bytes before this were already searched: no newline among them
            int n = in.read(buf, end, buf.length - end);
            if (n < 0) {
                break;
            }
            end += n;
            if (first) {
                start = dataStart(buf, end);
                if (start < 0) {
                    start = 0;
                    continue;
                }
                first = false;
                scan = start;   // the first bytes waited for the mark check unsearched
            }
            for (int nl; (nl = indexOf(buf, scan, end)) >= 0; ) {
                lineNo++;
                if (skipping) {
                    consumer.overlong(lineNo, skippedLength + (nl - start));
                    skipping = false;
                    skippedLength = 0;
                } else if (nl - start > maxLineBytes) {
                    consumer.overlong(lineNo, nl - start);   // arrived whole in one read: same verdict as in pieces
                } else {
                    emit(buf, start, nl, lineNo, consumer);
                }
                start = nl + 1;
                scan = start;
            }
            // No newline in [start, end): keep the partial line, making room for more.
            int pending = end - start;
            if (skipping || pending > maxLineBytes) {
                skipping = true;
                skippedLength += pending;
                start = 0;
                end = 0;
                continue;
            }
            buf = room(buf, start, pending);
            start = 0;
            end = pending;
        }
        if (skipping) {
            consumer.overlong(++lineNo, skippedLength + (end - start));
        } else if (end > start) {
            emit(buf, start, end, ++lineNo, consumer);   // a last line without its newline, e.g. cut by a crash
        }
        return lineNo;
    }

    /** The pending bytes moved to the front, in a bigger buffer when they fill it. */
    private byte[] room(byte[] buf, int start, int pending) {
        if (start > 0) {
            System.arraycopy(buf, start, buf, 0, pending);
        }
        if (pending < buf.length) {
            return buf;
        }
        byte[] bigger = new byte[(int) Math.min((long) buf.length * 2, (long) maxLineBytes + 1)];
        System.arraycopy(buf, 0, bigger, 0, pending);
        return bigger;
    }

    /**
     * Where the first line starts in the first {@code end} bytes: after a UTF-8 byte-order mark, which is
     * not part of it; -1 while they may still be the start of one (so hold no newline yet).
     */
    private static int dataStart(byte[] buf, int end) {
        if (end < 3 && (buf[0] & 0xFF) == 0xEF && (end < 2 || (buf[1] & 0xFF) == 0xBB)) {
            return -1;
        }
        boolean mark = end >= 3 && (buf[0] & 0xFF) == 0xEF && (buf[1] & 0xFF) == 0xBB && (buf[2] & 0xFF) == 0xBF;
        return mark ? 3 : 0;
    }

    private static void emit(byte[] buf, int from, int to, long lineNo, LineConsumer consumer) {
        int stop = to;
        if (stop > from && buf[stop - 1] == '\r') {
            stop--;
        }
        consumer.line(buf, from, stop - from, lineNo);
    }

    /** The first newline in {@code buf[from, to)}, eight bytes at a time (SWAR zero-byte test), or -1. */
    static int indexOf(byte[] buf, int from, int to) {
        int i = from;
        for (; i + Long.BYTES <= to; i += Long.BYTES) {
            long found = ByteWords.zeroBytes(ByteWords.word(buf, i) ^ NEWLINES);
            if (found != 0) {
                return i + (Long.numberOfTrailingZeros(found) >>> 3);
            }
        }
        for (; i < to; i++) {
            if (buf[i] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
