package dev.poolscope.analysis;

import java.util.List;

/**
 * Everything one analysis found, ready for any report.
 *
 * @param timeoutRequestsLeftOpen requests that hit a statement timeout and leaked a connection
 *                                (the seed's problem 4)
 * @param timeline                the pool over time, for charts and timeline.csv
 * @param time                    what the analysis noticed about the log's clock (docs/robustness.md)
 */
public record Diagnosis(AnalysisOptions options, InputSummary input, Counts counts, CheckoutResult checkouts,
                        PoolResult pool, TimeoutResult timeouts, long timeoutRequestsLeftOpen,
                        List<EndpointRow> endpoints, Health health, Timeline timeline, TimeQuality time) {

    public Diagnosis {
        endpoints = List.copyOf(endpoints);
        java.util.Objects.requireNonNull(time, "time");
    }

    /** A diagnosis without clock notes (merged summaries), as before they were tracked. */
    public Diagnosis(AnalysisOptions options, InputSummary input, Counts counts, CheckoutResult checkouts,
                     PoolResult pool, TimeoutResult timeouts, long timeoutRequestsLeftOpen,
                     List<EndpointRow> endpoints, Health health, Timeline timeline) {
        this(options, input, counts, checkouts, pool, timeouts, timeoutRequestsLeftOpen, endpoints, health, timeline,
                TimeQuality.empty());
    }

    public long leakDelta() {
        return counts.leakDelta();
    }

    public long requestsWithoutClose() {
        return checkouts.requestsWithoutClose();
    }
}
