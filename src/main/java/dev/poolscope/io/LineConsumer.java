package dev.poolscope.io;

/** Receives the lines of one input, in order, as slices of a reused buffer. */
public interface LineConsumer {

    /**
     * One line without its terminator ({@code \n} or {@code \r\n}).
     * The slice is valid only during the call: the buffer is reused for the next line.
     */
    void line(byte[] buf, int off, int len, long lineNumber);

    /** A line longer than the limit, skipped without being held whole in memory. */
    void overlong(long lineNumber, long length);
}
