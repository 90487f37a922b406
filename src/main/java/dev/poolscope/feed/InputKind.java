package dev.poolscope.feed;

import dev.poolscope.server.LogLinePrefix;
import dev.poolscope.server.ServerFormat;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * Whether an input is an application's log or PostgreSQL's own (jsonlog, csvlog, stderr), from its first
 * event line (blank and TAB-continued lines skipped), looked at before the line reader starts: the reader
 * then feeds the chosen consumer directly, so the app's lines cost nothing more than before. A directory
 * may mix both kinds.
 */
final class InputKind {
    /** How far to look: a first event line longer than this is judged on its first bytes. */
    static final int PEEK_BYTES = 64 << 10;
    /** Blank or continuation lines skipped before giving up and reading the input as an app log. */
    static final int MAX_SKIPPED = 64;

    private InputKind() {}

    /**
     * A stream that can be looked at and then read from the start, with no copy beyond the first
     * {@link #PEEK_BYTES} (the mark is dropped once they are read, and large reads go straight through).
     */
    static BufferedInputStream peekable(InputStream in) {
        return new BufferedInputStream(in, PEEK_BYTES);
    }

    /** The server format of the input, or null for an app log; the stream is left at its start. */
    static ServerFormat of(BufferedInputStream in, List<LogLinePrefix> prefixes) throws IOException {
        in.mark(PEEK_BYTES);
        byte[] head = new byte[PEEK_BYTES];
        int n = 0;
        try {
            while (n < head.length) {
                int r = in.read(head, n, head.length - n);
                if (r < 0) {
                    break;
                }
                n += r;
            }
        } finally {
            in.reset();
        }
        return of(head, n, prefixes);
    }

    static ServerFormat of(byte[] head, int n, List<LogLinePrefix> prefixes) {
        int start = n >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF ? 3 : 0;
        for (int skipped = 0; start < n && skipped <= MAX_SKIPPED; skipped++) {
            int end = start;
            while (end < n && head[end] != '\n') {
                end++;
            }
            int len = end > start && head[end - 1] == '\r' && end < n ? end - start - 1 : end - start;
            if (!Pipeline.isBlank(head, start, len) && head[start] != '\t') {
                return ServerFormat.detect(head, start, len, prefixes);
            }
            start = end + 1;
        }
        return null;
    }
}
