package dev.poolscope.analysis;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What pairing found.
 *
 * @param leaks           the leaked checkouts, oldest first, capped at the analysis's max items
 * @param leakedRequests  every request with at least one leaked checkout (exact, uncapped)
 * @param leakedCheckouts exact count of leaked checkouts, including those without a request id
 * @param inFlight        open checkouts at the end that are neither old nor of a finished request
 * @param orphanPutconn   checkins with no open checkout to close (the log may start mid-request)
 * @param leaksByEndpoint leaked checkouts per endpoint (exact)
 */
public record CheckoutResult(List<LeakItem> leaks, long leakedCheckouts, Set<RequestKey> leakedRequests,
                             Map<String, Long> leaksByEndpoint, List<LeakItem> inFlight, long inFlightCount,
                             long orphanPutconn, List<LongHold> longHolds, long longHoldCount,
                             HoldTimes holdTimes, Map<String, EndpointHolds> endpoints) {

    public CheckoutResult {
        leaks = List.copyOf(leaks);
        leakedRequests = Set.copyOf(leakedRequests);
        leaksByEndpoint = Map.copyOf(leaksByEndpoint);
        inFlight = List.copyOf(inFlight);
        longHolds = List.copyOf(longHolds);
        endpoints = Map.copyOf(endpoints);
    }
}
