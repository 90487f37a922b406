package dev.poolscope.analysis;

import java.util.Map;

/**
 * One minute of the timeline (UTC, starting at {@code start} µs since the epoch). Days in any time zone
 * are sums of minutes, so summaries need not know the zone a report will use.
 *
 * @param peakUsed          highest pool used of any process within the minute, or -1
 * @param aboveMicros       time processes spent above the critical threshold within the minute, summed
 * @param timeoutsByEndpoint statement timeouts per endpoint within the minute
 */
public record TimelineRow(long start, long getconn, long putconn, long getconnFailed, long nearlyExhausted,
                          long statementTimeouts, int peakUsed, long aboveMicros,
                          Map<String, Long> timeoutsByEndpoint) {

    public TimelineRow {
        timeoutsByEndpoint = Map.copyOf(timeoutsByEndpoint);
    }
}
