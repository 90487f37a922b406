package dev.poolscope.io;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Hands out at most {@code chunk} bytes per read, as a slow pipe or a network socket does, so that
 * readers are tested on every possible split of their input (jackson-core's testsupport idea).
 */
public final class ThrottledInputStream extends FilterInputStream {
    private final int chunk;

    public ThrottledInputStream(InputStream in, int chunk) {
        super(in);
        if (chunk < 1) {
            throw new IllegalArgumentException("chunk must be positive: " + chunk);
        }
        this.chunk = chunk;
    }

    /** The harshest setting: one byte per read. */
    public static ThrottledInputStream oneByte(InputStream in) {
        return new ThrottledInputStream(in, 1);
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        return in.read(b, off, Math.min(len, chunk));
    }

    @Override
    public long skip(long n) throws IOException {
        return in.skip(Math.min(n, chunk));
    }
}
