package dev.poolscope.analysis;

import java.util.List;

/**
 * Everything one analysis found, ready for any report.
 *
 * @param timeoutRequestsLeftOpen requests that hit a statement timeout and leaked a connection
 *                                (the seed's problem 4)
 * @param timeline                the pool over time, for charts and timeline.csv
 */
public record Diagnosis(AnalysisOptions options, InputSummary input, Counts counts, CheckoutResult checkouts,
                        PoolResult pool, TimeoutResult timeouts, long timeoutRequestsLeftOpen,
                        List<EndpointRow> endpoints, Health health, Timeline timeline) {

    public Diagnosis {
        endpoints = List.copyOf(endpoints);
    }

    public long leakDelta() {
        return counts.leakDelta();
    }

    public long requestsWithoutClose() {
        return checkouts.leakedRequests().size();
    }
}
