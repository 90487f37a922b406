package dev.poolscope.io;

import java.io.Closeable;
import java.io.IOException;

/** A growing input read a budget at a time without waiting: a file followed by name, or a stream. */
public interface Follower extends Closeable {
    /** Reads at most {@code budget} new bytes; returns how many were read (0 when nothing is new). */
    long poll(long budget) throws IOException;

    /** True once the input can never grow again (the end of a stream); a followed file never ends. */
    default boolean ended() {
        return false;
    }
}
