package dev.poolscope.io;

import java.nio.file.Path;

/** What happened to a followed file, so the user can be told. */
public interface FollowListener {

    /** Reading began at {@code position} (0 for a whole file, its size when joining at the end). */
    void opened(Path path, long position);

    /** The name now points at another file; the old one was read to its end. */
    void rotated(Path path);

    /** The file became shorter than the position reached (copy-truncate); reading restarts at 0. */
    void truncated(Path path, long position);

    /** The name does not exist (yet, or any more); reported once until it exists again. */
    void missing(Path path);
}
