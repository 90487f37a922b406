package dev.poolscope.analysis;

import java.util.List;
import java.util.Map;

/**
 * What pairing found.
 *
 * @param leaks           the leaked checkouts, oldest first, capped at the analysis's max items
 * @param leakedCheckouts exact count of leaked checkouts, including those without a request id
 * @param leaksByEndpoint leaked checkouts per endpoint (exact)
 * @param inFlight        open checkouts at the end that are neither old nor of a finished request (capped)
 * @param orphanPutconn   checkins with no open checkout to close (the log may start mid-request)
 * @param requestsWithoutClose every request with at least one leaked checkout (exact; a count, not a set,
 *                        so that millions of leaked requests cost no memory at the end)
 * @param settledByLimit  leaks counted early because the open-checkout limit was reached (docs/robustness.md)
 */
public record CheckoutResult(List<LeakItem> leaks, long leakedCheckouts, Map<String, Long> leaksByEndpoint,
                             List<LeakItem> inFlight, long inFlightCount, long orphanPutconn,
                             List<LongHold> longHolds, long longHoldCount, HoldTimes holdTimes,
                             Map<String, EndpointHolds> endpoints, long requestsWithoutClose, long settledByLimit) {

    public CheckoutResult {
        leaks = List.copyOf(leaks);
        leaksByEndpoint = Map.copyOf(leaksByEndpoint);
        inFlight = List.copyOf(inFlight);
        longHolds = List.copyOf(longHolds);
        endpoints = Map.copyOf(endpoints);
    }
}
