package dev.poolscope.io;

import io.airlift.compress.zstd.ZstdInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * zstd-decoded bytes (aircompressor's pure-Java decoder), with its failures said the way gzip's are:
 * a file cut short is "zstd data ends unexpectedly (truncated file?)", bad data is "corrupt zstd
 * data (…)", both as {@link IOException}s, so a broken file is a read error of that file (analysed up
 * to the break, docs/robustness.md) and never an internal error. The decoder reports bad data with
 * unchecked exceptions; those are turned into {@link ZstdException}s here. Errors of the file itself
 * (a disk error) pass through unchanged. Concatenated frames ({@code cat a.zst b.zst}) are read as one stream.
 */
final class ZstdInput extends FilterInputStream {
    static final String TRUNCATED = "zstd data ends unexpectedly (truncated file?)";
    /** pzstd writes a skippable frame (magic 0x184D2A50..5F) before each frame; the decoder stops at it. */
    private static final String SKIPPABLE = "Invalid magic prefix: 184d2a5";

    private final Source source;

    /**
     * The decoded bytes of {@code compressed}. A factory returning InputStream, so that verifying the
     * callers does not load this class (nor the decoder) on a run that reads no zstd.
     */
    static InputStream open(InputStream compressed) {
        return new ZstdInput(new Source(compressed));
    }

    private ZstdInput(Source source) {
        super(new ZstdInputStream(source));
        this.source = source;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n == 1 ? one[0] & 0xFF : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        try {
            // ZstdInputStream loops until len bytes are out and drops them when the input then breaks;
            // asking for what it has ready (or one byte) means a break always comes before any output.
            return in.read(b, off, Math.min(len, Math.max(1, in.available())));
        } catch (IOException e) {
            if (source.failed) {
                throw e;
            }
            throw new ZstdException("Not enough input bytes".equals(e.getMessage()) ? TRUNCATED
                    : "corrupt zstd data (" + e.getMessage() + ")", e);
        } catch (RuntimeException e) {
            String message = String.valueOf(e.getMessage());
            throw new ZstdException(message.startsWith(SKIPPABLE)
                    ? "zstd skippable frame (pzstd?), not read; use zstdcat FILE | poolscope ... -"
                    : "corrupt zstd data (" + message + ")", e);
        }
    }

    @Override
    public long skip(long n) throws IOException {
        byte[] scratch = new byte[(int) Math.min(n, 8192)];
        long skipped = 0;
        while (skipped < n) {
            int r = read(scratch, 0, (int) Math.min(scratch.length, n - skipped));
            if (r < 0) {
                break;
            }
            skipped += r;
        }
        return skipped;
    }

    @Override
    public int available() {
        return 0;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    /** A zstd stream that cannot be decoded: cut short or corrupt. */
    static final class ZstdException extends IOException {
        private static final long serialVersionUID = 1L;

        ZstdException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The compressed bytes; remembers whether reading them failed, so such a failure is not called corrupt data. */
    private static final class Source extends FilterInputStream {
        boolean failed;

        Source(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            try {
                return in.read();
            } catch (IOException e) {
                failed = true;
                throw e;
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                return in.read(b, off, len);
            } catch (IOException e) {
                failed = true;
                throw e;
            }
        }
    }
}
