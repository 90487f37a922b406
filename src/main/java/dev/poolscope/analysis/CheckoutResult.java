package dev.poolscope.analysis;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What pairing found.
 *
 * @param leaks           the leaked checkouts, oldest first, capped at the analysis's max items
 * @param leakedRequests  requests with a leaked checkout still held at the end (leaks settled earlier
 *                        are only counted: see {@link #requestsWithoutClose})
 * @param leakedCheckouts exact count of leaked checkouts, including those without a request id
 * @param inFlight        open checkouts at the end that are neither old nor of a finished request
 * @param orphanPutconn   checkins with no open checkout to close (the log may start mid-request)
 * @param leaksByEndpoint leaked checkouts per endpoint (exact)
 * @param requestsWithoutClose every request with at least one leaked checkout (exact)
 * @param settledByLimit  leaks counted early because the open-checkout limit was reached (docs/robustness.md)
 */
public record CheckoutResult(List<LeakItem> leaks, long leakedCheckouts, Set<RequestKey> leakedRequests,
                             Map<String, Long> leaksByEndpoint, List<LeakItem> inFlight, long inFlightCount,
                             long orphanPutconn, List<LongHold> longHolds, long longHoldCount,
                             HoldTimes holdTimes, Map<String, EndpointHolds> endpoints, long requestsWithoutClose,
                             long settledByLimit) {

    public CheckoutResult {
        leaks = List.copyOf(leaks);
        leakedRequests = Set.copyOf(leakedRequests);
        leaksByEndpoint = Map.copyOf(leaksByEndpoint);
        inFlight = List.copyOf(inFlight);
        longHolds = List.copyOf(longHolds);
        endpoints = Map.copyOf(endpoints);
    }

    /** A result where every leaked request is in {@code leakedRequests}, as before leaks were settled early. */
    public CheckoutResult(List<LeakItem> leaks, long leakedCheckouts, Set<RequestKey> leakedRequests,
                          Map<String, Long> leaksByEndpoint, List<LeakItem> inFlight, long inFlightCount,
                          long orphanPutconn, List<LongHold> longHolds, long longHoldCount,
                          HoldTimes holdTimes, Map<String, EndpointHolds> endpoints) {
        this(leaks, leakedCheckouts, leakedRequests, leaksByEndpoint, inFlight, inFlightCount, orphanPutconn,
                longHolds, longHoldCount, holdTimes, endpoints, leakedRequests.size(), 0);
    }
}
