package dev.poolscope.analysis;

import java.util.List;

/**
 * Everything one analysis found, ready for any report.
 *
 * @param timeoutRequestsLeftOpen requests that hit a statement timeout and leaked a connection
 *                                (the seed's problem 4)
 */
public record Diagnosis(AnalysisOptions options, InputSummary input, Counts counts, CheckoutResult checkouts,
                        PoolResult pool, TimeoutResult timeouts, long timeoutRequestsLeftOpen,
                        List<EndpointRow> endpoints, Health health, TimeQuality time) {

    public Diagnosis {
        endpoints = List.copyOf(endpoints);
        java.util.Objects.requireNonNull(time, "time");
    }

    /** A diagnosis without clock notes, as before they were tracked. */
    public Diagnosis(AnalysisOptions options, InputSummary input, Counts counts, CheckoutResult checkouts,
                     PoolResult pool, TimeoutResult timeouts, long timeoutRequestsLeftOpen,
                     List<EndpointRow> endpoints, Health health) {
        this(options, input, counts, checkouts, pool, timeouts, timeoutRequestsLeftOpen, endpoints, health,
                TimeQuality.empty());
    }

    public long leakDelta() {
        return counts.leakDelta();
    }

    public long requestsWithoutClose() {
        return checkouts.requestsWithoutClose();
    }
}
