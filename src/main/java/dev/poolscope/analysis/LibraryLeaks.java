package dev.poolscope.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Joins HikariCP's true leaks to the leaks found by pairing checkouts, so every report lists both (issue #16). */
final class LibraryLeaks {
    private LibraryLeaks() {}

    static CheckoutResult join(CheckoutResult c, LibraryResult library, int maxItems) {
        if (library.trueLeakCount() == 0) {
            return c;
        }
        List<LeakItem> leaks = new ArrayList<>(c.leaks());
        leaks.addAll(library.trueLeaks());
        leaks.sort(LeakItem.OLDEST_FIRST);
        Map<String, Long> byEndpoint = new HashMap<>(c.leaksByEndpoint());
        for (LeakItem l : library.trueLeaks()) {
            byEndpoint.merge(Endpoint.orUnknown(l.endpoint()), 1L, Long::sum);
        }
        return new CheckoutResult(leaks.size() > maxItems ? leaks.subList(0, maxItems) : leaks,
                c.leakedCheckouts() + library.trueLeakCount(), byEndpoint, c.inFlight(), c.inFlightCount(),
                c.orphanPutconn(), c.longHolds(), c.longHoldCount(), c.holdTimes(), c.endpoints(),
                c.requestsWithoutClose() + library.trueLeakRequests(), c.settledByLimit());
    }
}
