package dev.poolscope.spark;

import java.io.Serializable;
import java.util.ArrayList;

/**
 * What one stream's task sends back: its summary as {@code .psum} bytes (the engine's own format, so no
 * engine class needs Java serialisation), its first timestamp (the merge order), and the small facts the
 * driver keeps per stream: each file's first timestamp (for the reading order of the report's inputs) and
 * what could not be read.
 */
record StreamResult(String key, byte[] psum, long firstTime, ArrayList<FileTime> files, StreamProblems problems)
        implements Serializable {
    private static final long serialVersionUID = 1L;

    /** A file of the stream and its first timestamp ({@code Poolscope.NO_TIME} when it has none). */
    record FileTime(String name, long firstTime) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    /** Everything but the summary: what the driver collects for every stream. */
    StreamResult meta() {
        return new StreamResult(key, null, firstTime, files, problems);
    }
}
