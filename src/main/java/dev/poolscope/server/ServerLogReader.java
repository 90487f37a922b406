package dev.poolscope.server;

/**
 * Turns the lines of one server log into {@link ServerRecord}s. Lines that are not records of the format
 * (a cut first line, an unknown prefix) are counted, never passed on as malformed application lines.
 */
public interface ServerLogReader {
    void line(byte[] buf, int off, int len, long lineNumber);

    /** The input ended: hands on a record still waiting for continuation lines. */
    void finish();

    /** Lines that were not part of any record. */
    long unparsed();

    /** Times whose zone name was not understood (read as UTC). */
    long unknownZones();
}
