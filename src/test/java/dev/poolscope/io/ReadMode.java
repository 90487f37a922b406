package dev.poolscope.io;

import java.io.ByteArrayInputStream;
import java.io.InputStream;

/** How a reader test feeds its bytes: every reader test runs in both modes. */
public enum ReadMode {
    WHOLE {
        @Override
        public InputStream open(byte[] bytes) {
            return new ByteArrayInputStream(bytes);
        }
    },
    ONE_BYTE_AT_A_TIME {
        @Override
        public InputStream open(byte[] bytes) {
            return ThrottledInputStream.oneByte(new ByteArrayInputStream(bytes));
        }
    };

    public abstract InputStream open(byte[] bytes);
}
