package dev.poolscope.analysis;

import dev.poolscope.server.ServerView;
import java.util.List;
import java.util.Objects;

/**
 * Everything one analysis found, ready for any report. Immutable: the {@code with…} methods give a
 * changed copy, so later stages (clock notes, redaction) never rebuild it argument by argument.
 *
 * @param timeoutRequestsLeftOpen requests that hit a statement timeout and leaked a connection
 *                                (the seed's problem 4)
 * @param timeline                the pool over time, for charts and timeline.csv
 * @param time                    what the analysis noticed about the log's clock (docs/robustness.md)
 * @param library                 what pool libraries' own messages said (issue #16)
 * @param evidence                facts only the findings read (docs/findings.md)
 * @param server                  PostgreSQL's own log, when one was among the inputs (and its join with the
 *                                app's log); null otherwise: an app-only report has no server figures at all
 */
public record Diagnosis(AnalysisOptions options, InputSummary input, Counts counts, CheckoutResult checkouts,
                        PoolResult pool, TimeoutResult timeouts, long timeoutRequestsLeftOpen,
                        List<EndpointRow> endpoints, Health health, Timeline timeline, TimeQuality time,
                        LibraryResult library, Evidence evidence, ServerView server) {

    public Diagnosis {
        endpoints = List.copyOf(endpoints);
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(library, "library");
        Objects.requireNonNull(evidence, "evidence");
    }

    /** A diagnosis of structlog app logs only, without library, evidence or server. */
    public Diagnosis(AnalysisOptions options, InputSummary input, Counts counts, CheckoutResult checkouts,
                     PoolResult pool, TimeoutResult timeouts, long timeoutRequestsLeftOpen,
                     List<EndpointRow> endpoints, Health health, Timeline timeline, TimeQuality time) {
        this(options, input, counts, checkouts, pool, timeouts, timeoutRequestsLeftOpen, endpoints, health, timeline,
                time, LibraryResult.none(), Evidence.empty(), null);
    }

    /** A diagnosis without clock notes, as before they were tracked. */
    public Diagnosis(AnalysisOptions options, InputSummary input, Counts counts, CheckoutResult checkouts,
                     PoolResult pool, TimeoutResult timeouts, long timeoutRequestsLeftOpen,
                     List<EndpointRow> endpoints, Health health, Timeline timeline) {
        this(options, input, counts, checkouts, pool, timeouts, timeoutRequestsLeftOpen, endpoints, health, timeline,
                TimeQuality.empty());
    }

    public Diagnosis withInput(InputSummary input) {
        return new Diagnosis(options, input, counts, checkouts, pool, timeouts, timeoutRequestsLeftOpen, endpoints,
                health, timeline, time, library, evidence, server);
    }

    public Diagnosis withResults(CheckoutResult checkouts, PoolResult pool, TimeoutResult timeouts) {
        return new Diagnosis(options, input, counts, checkouts, pool, timeouts, timeoutRequestsLeftOpen, endpoints,
                health, timeline, time, library, evidence, server);
    }

    public Diagnosis withEndpoints(List<EndpointRow> endpoints) {
        return new Diagnosis(options, input, counts, checkouts, pool, timeouts, timeoutRequestsLeftOpen, endpoints,
                health, timeline, time, library, evidence, server);
    }

    public Diagnosis withTime(TimeQuality time) {
        return new Diagnosis(options, input, counts, checkouts, pool, timeouts, timeoutRequestsLeftOpen, endpoints,
                health, timeline, time, library, evidence, server);
    }

    public Diagnosis withLibrary(LibraryResult library) {
        return new Diagnosis(options, input, counts, checkouts, pool, timeouts, timeoutRequestsLeftOpen, endpoints,
                health, timeline, time, library, evidence, server);
    }

    public Diagnosis withEvidence(Evidence evidence) {
        return new Diagnosis(options, input, counts, checkouts, pool, timeouts, timeoutRequestsLeftOpen, endpoints,
                health, timeline, time, library, evidence, server);
    }

    /** Whether getconn and putconn are known: false when only HikariCP, which logs no checkout, was read. */
    public boolean checkoutsLogged() {
        return library.checkoutsLogged();
    }

    public Diagnosis withServer(ServerView server) {
        return new Diagnosis(options, input, counts, checkouts, pool, timeouts, timeoutRequestsLeftOpen, endpoints,
                health, timeline, time, library, evidence, server);
    }

    public long leakDelta() {
        return counts.leakDelta();
    }

    public long requestsWithoutClose() {
        return checkouts.requestsWithoutClose();
    }
}
