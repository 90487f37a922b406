package dev.poolscope.sample;

import java.util.List;
import java.util.Map;

/**
 * What the simulation knows about the log it wrote, for checking analyzers against. Every count is
 * over the lines actually written (a size-targeted run cut mid-request counts its open checkouts
 * as leaked; a log that opens mid-stream may hold putconns whose getconn came before its first
 * line). Timestamps are formatted as in the log.
 *
 * @param leakDelta                 getconn - putconn
 * @param exhaustionErrors          non-FAILED events quoting "connection pool exhausted"
 * @param leakedCheckouts           getconn lines never followed by their putconn
 * @param requestsWithoutClose      distinct (pid, request_id) with at least one leaked checkout
 * @param leakedRequestIds          their request ids, sorted, at most {@link #REQUEST_ID_CAP}
 * @param leaksByEndpoint           normalized "METHOD /path/{id}" (or "job:name") to leaks there
 * @param statementTimeoutEvents    lines carrying pgcode 57014 / "canceling statement due to statement timeout"
 * @param statementTimeoutRequests  distinct requests with such a line
 * @param timeoutRequestsLeftConnectionOpen those of them with a leaked checkout
 * @param poolUsedMax               per pid, the highest pool_used on any line
 * @param nearExhaustion            per pid, maximal runs of that pid's pool_used lines above 70, cut where two
 *                                  consecutive such lines are more than 60 s apart (the staleness bound)
 */
public record Truth(
        String scenario, long seed, long bytes, long lines,
        long getconn, long putconn, long leakDelta, long getconnFailed, long nearlyExhausted,
        long exhaustionErrors, long leakedCheckouts, long requestsWithoutClose,
        List<String> leakedRequestIds, boolean leakedRequestIdsTruncated,
        Map<String, EndpointLeaks> leaksByEndpoint,
        long statementTimeoutEvents, long statementTimeoutRequests, long timeoutRequestsLeftConnectionOpen,
        Map<Integer, Integer> poolUsedMax, String firstTimestamp, String lastTimestamp,
        Map<Integer, List<Interval>> nearExhaustion) {

    /** leaked_request_ids is cut to this many (counts stay exact). */
    public static final int REQUEST_ID_CAP = 1000;

    /** Leaks at one endpoint: leaked checkouts, and distinct requests (or job runs) holding them. */
    public record EndpointLeaks(long checkouts, long requests) {}

    /**
     * @param start     first line of the run with pool_used above 70
     * @param lastAbove last such line
     * @param end       first later line of that pid with pool_used at or below 70, if within 60 s of
     *                  {@code lastAbove}; {@code lastAbove} if the pid's next pool_used line came later
     *                  (silence is unknown, not above); null if the log ended above
     */
    public record Interval(String start, String lastAbove, String end) {}
}
