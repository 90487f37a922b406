package dev.poolscope.findings;

/**
 * One logged line behind a finding, to open in an editor or grep for.
 *
 * @param time      microseconds since the epoch, or {@code PoolEvent.NO_TIME}
 * @param note      what this line shows, e.g. "never returned; request ended"
 */
public record Example(long time, String source, long line, String requestId, String endpoint, String note) {}
