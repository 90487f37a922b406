package dev.poolscope.sample;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/** Counts bytes so size-targeted mode can stop on the line that reaches its target. */
final class CountingOutputStream extends FilterOutputStream {
    private long count;

    CountingOutputStream(OutputStream out) {
        super(out);
    }

    long count() {
        return count;
    }

    @Override
    public void write(int b) throws IOException {
        out.write(b);
        count++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        // FilterOutputStream's default writes byte by byte; pass the block through instead.
        out.write(b, off, len);
        count += len;
    }

    @Override
    public void close() throws IOException {
        flush(); // never close the caller's stream
    }
}
