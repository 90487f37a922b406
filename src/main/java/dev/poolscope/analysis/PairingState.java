package dev.poolscope.analysis;

import java.util.List;
import java.util.Map;

/**
 * Everything {@link CheckoutTracker} knows, in a form that can be stored and restored: the settled
 * figures (hold times, per-endpoint tallies, long holds, orphan count) and what a merge with a
 * neighbouring summary still needs: the checkouts open at the end and the boundary events.
 *
 * @param endpoints    per endpoint, the checkouts returned so far and their hold times (open ones excluded)
 * @param orphans      checkins that found no open checkout, listed ones included
 * @param open         checkouts open at the end, in arrival order
 * @param boundary     orphan checkins and early request ends, in input order (docs/summaries.md)
 * @param unlisted     orphan checkins beyond {@link CheckoutTracker#BOUNDARY_LIMIT}, counted but not listed
 */
public record PairingState(long firstTime, long lastTime, HoldTimes holdTimes, Map<String, EndpointHolds> endpoints,
                           List<LongHold> longHolds, long longHoldCount, long orphans, List<OpenCheckout> open,
                           List<BoundaryEvent> boundary, long unlisted) {

    public PairingState {
        endpoints = Map.copyOf(endpoints);
        longHolds = List.copyOf(longHolds);
        open = List.copyOf(open);
        boundary = List.copyOf(boundary);
    }
}
