package dev.poolscope.analysis;

/**
 * A checkout still open at the end of the input.
 *
 * @param ageMicros    time from checkout to the log's last timestamp; {@link #UNKNOWN_AGE} when the
 *                     checkout came before any timestamp
 * @param requestEnded its request logged its end afterwards (proof of a leak, not slowness)
 */
public record LeakItem(String process, String requestId, String connId, String endpoint, long acquiredAt,
                       long ageMicros, boolean requestEnded, String source, long line) {
    public static final long UNKNOWN_AGE = -1;
}
