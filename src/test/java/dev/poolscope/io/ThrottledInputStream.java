package dev.poolscope.io;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Hands out at most {@code chunk} bytes per read and claims nothing is available, the way a slow pipe
 * or socket does: code that assumes one read returns a whole line, or that trusts {@code available()},
 * fails here first (after jackson-core's testsupport class of the same name).
 */
public final class ThrottledInputStream extends FilterInputStream {
    private final int chunk;

    public ThrottledInputStream(InputStream in, int chunk) {
        super(in);
        if (chunk < 1) {
            throw new IllegalArgumentException("chunk must be at least 1: " + chunk);
        }
        this.chunk = chunk;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        return in.read(b, off, Math.min(len, chunk));
    }

    @Override
    public int available() {
        return 0;
    }
}
