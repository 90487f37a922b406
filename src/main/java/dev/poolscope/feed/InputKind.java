package dev.poolscope.feed;

import dev.poolscope.server.LogLinePrefix;
import dev.poolscope.server.ServerFormat;
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
     * The input's first bytes, read once, then the rest straight from the input: no copy past the head. An
     * input that breaks within them (a truncated gzip) is judged on what came before the break, and the
     * break is thrown again where the line reader reaches it, so it is reported after the lines before it.
     */
    static final class Peeked extends InputStream {
        private final InputStream rest;
        private final byte[] head = new byte[PEEK_BYTES];
        private int length;
        private int pos;
        private IOException broken;

        Peeked(InputStream in) {
            this.rest = in;
            try {
                while (length < head.length) {
                    int r = in.read(head, length, head.length - length);
                    if (r < 0) {
                        break;
                    }
                    length += r;
                }
            } catch (IOException e) {
                broken = e;
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (pos < length) {
                int n = Math.min(len, length - pos);
                System.arraycopy(head, pos, b, off, n);
                pos += n;
                return n;
            }
            if (broken != null) {
                IOException e = broken;
                broken = null;
                throw e;
            }
            return rest.read(b, off, len);
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        /** The server format of the input, or null for an app log. */
        ServerFormat kind(List<LogLinePrefix> prefixes) {
            return of(head, length, prefixes);
        }
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
