package dev.poolscope.io;

import java.io.ByteArrayInputStream;
import java.io.InputStream;

/** How a test hands bytes to a reader: all at once, one byte per read, or in small odd-sized chunks. */
public enum ReadMode {
    WHOLE, ONE_BYTE, CHUNKS_OF_7;

    public InputStream stream(byte[] bytes) {
        InputStream in = new ByteArrayInputStream(bytes);
        return switch (this) {
            case WHOLE -> in;
            case ONE_BYTE -> new ThrottledInputStream(in, 1);
            case CHUNKS_OF_7 -> new ThrottledInputStream(in, 7);
        };
    }
}
