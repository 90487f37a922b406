package dev.poolscope.io;

/**
 * Splits bytes that arrive in pieces into lines, keeping a partial last line until its newline comes:
 * the incremental twin of {@link LineReader} for a file that is still being written. Memory is one
 * buffer holding the pending partial line, never more than {@code maxLineBytes}; longer lines are
 * scanned past and reported as overlong.
 */
public final class LineSplitter {
    private static final int INITIAL_BUFFER = 8192;

    private final int maxLineBytes;
    private final LineConsumer consumer;
    private byte[] pending = new byte[INITIAL_BUFFER];
    private int pendingLength;
    private long skipped = -1;          // length so far of an overlong line being skipped, or -1
    private long lineNo;
    private boolean startOfFile = true; // the next line may begin with a byte-order mark
    private boolean dropFirst;          // we joined mid-line: the first piece is a fragment

    public LineSplitter(int maxLineBytes, LineConsumer consumer) {
        if (maxLineBytes < 16) {
            throw new IllegalArgumentException("maxLineBytes must be at least 16: " + maxLineBytes);
        }
        this.maxLineBytes = maxLineBytes;
        this.consumer = consumer;
    }

    /** Starts a new file: line numbers restart at 1; {@code midLine} drops the first fragment. */
    public void startFile(boolean atOffsetZero, boolean midLine) {
        pendingLength = 0;
        skipped = -1;
        lineNo = 0;
        startOfFile = atOffsetZero;
        dropFirst = midLine;
    }

    public void feed(byte[] data, int off, int len) {
        int start = off;
        int end = off + len;
        for (int i = off; i < end; i++) {
            if (data[i] == '\n') {
                complete(data, start, i);
                start = i + 1;
            }
        }
        keep(data, start, end);
    }

    /** The file will not grow any more (rotated away or truncated): a pending partial line is a last line. */
    public void endOfFile() {
        if (pendingLength > 0 || skipped >= 0) {
            complete(pending, 0, 0);
        }
        pendingLength = 0;
        skipped = -1;
    }

    /** Lines emitted from the current file so far. */
    public long lines() {
        return lineNo;
    }

    private void complete(byte[] data, int from, int to) {
        if (dropFirst) {
            dropFirst = false;
            pendingLength = 0;
            skipped = -1;
            return;
        }
        lineNo++;
        long length = (skipped >= 0 ? skipped : 0) + pendingLength + (to - from);
        if (skipped >= 0 || length > maxLineBytes) {
            consumer.overlong(lineNo, length);
        } else if (pendingLength == 0) {
            emit(data, from, to);
        } else {
            append(data, from, to);
            emit(pending, 0, pendingLength);
        }
        pendingLength = 0;
        skipped = -1;
        startOfFile = false;
    }

    private void keep(byte[] data, int from, int to) {
        if (from == to) {
            return;
        }
        if (skipped >= 0) {
            skipped += to - from;
        } else if ((long) pendingLength + (to - from) > maxLineBytes) {
            skipped = (long) pendingLength + (to - from);
            pendingLength = 0;
        } else {
            append(data, from, to);
        }
    }

    private void append(byte[] data, int from, int to) {
        int n = to - from;
        if (pendingLength + n > pending.length) {
            int size = (int) Math.min(Math.max((long) pending.length * 2, (long) pendingLength + n), maxLineBytes + 1L);
            pending = java.util.Arrays.copyOf(pending, size);
        }
        System.arraycopy(data, from, pending, pendingLength, n);
        pendingLength += n;
    }

    private void emit(byte[] buf, int from, int to) {
        int start = from;
        if (startOfFile && to - from >= 3 && (buf[from] & 0xFF) == 0xEF && (buf[from + 1] & 0xFF) == 0xBB
                && (buf[from + 2] & 0xFF) == 0xBF) {
            start += 3;   // a UTF-8 byte-order mark is not part of the first line
        }
        int stop = to;
        if (stop > start && buf[stop - 1] == '\r') {
            stop--;
        }
        consumer.line(buf, start, stop - start, lineNo);
    }
}
