package dev.poolscope.io;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

/**
 * An opened input that knows how far into its file it has read, so a read error can name the byte
 * where the file breaks. For gzip that is the compressed byte the inflater had reached, exact to
 * the input buffer, not the read-ahead of the buffered stream below it. For zstd it is the compressed
 * bytes handed to the decoder, which takes a block (at most 128 KiB) at a time: the break lies within
 * the block before that position.
 */
public final class PositionedInput extends FilterInputStream {
    private final Counting counted;
    private final Gzip gzip;

    PositionedInput(InputStream decoded, Counting counted, Gzip gzip) {
        super(decoded);
        this.counted = counted;
        this.gzip = gzip;
    }

    /** Bytes of the file (compressed bytes, for gzip and zstd) consumed so far. */
    public long position() {
        return counted.count - (gzip == null ? 0 : gzip.unread());
    }

    public boolean gzip() {
        return gzip != null;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        return in.read(b, off, len);
    }

    /** Counts the bytes taken from the stream below. */
    static final class Counting extends FilterInputStream {
        long count;

        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = in.skip(n);
            count += skipped;
            return skipped;
        }
    }

    /** Exposes how many fetched bytes the inflater has not consumed yet. */
    static final class Gzip extends GZIPInputStream {
        Gzip(InputStream in, int size) throws IOException {
            super(in, size);
        }

        long unread() {
            return inf.getRemaining();
        }
    }
}
