package dev.poolscope.feed;

import java.io.IOException;
import java.io.InputStream;

/**
 * An input the caller knows how to open (an HDFS or S3 object, a socket), with the name reports give it.
 * It is opened when its turn comes and closed after, so a stream of many parts holds one open at a time.
 * Its name decides its default process, as a file's does ({@code io.LogFiles#streamName}).
 */
public record NamedInput(String name, Opener opener) {
    /** Opens the raw bytes; gzip is detected from them, not from the name. */
    @FunctionalInterface
    public interface Opener {
        InputStream open() throws IOException;
    }

    public NamedInput {
        java.util.Objects.requireNonNull(name, "name");
        java.util.Objects.requireNonNull(opener, "opener");
    }

    public InputStream open() throws IOException {
        return opener.open();
    }
}
