package dev.poolscope.analysis;

import static dev.poolscope.analysis.Ev.end;
import static dev.poolscope.analysis.Ev.getconn;
import static dev.poolscope.analysis.Ev.other;
import static dev.poolscope.analysis.Ev.putconn;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TimeoutsTest {

    @Test
    void eventsDistinctRequestsEndpointsAndConnectionsLeftOpen() {
        Diagnosis d = Ev.analyze(
                getconn(1).req("r1").conn("C1").endpoint("GET /api/coding/stats"),
                other(2).req("r1").timeout(),                  // endpoint from r1's earlier event
                other(2.5).req("r1").timeout(),                // a retry: second event, same request
                end(3).req("r1"),                              // C1 never returned
                other(4).req("r2").endpoint("GET /api/reports").timeout(),
                getconn(4.1).req("r2").conn("C2"),
                putconn(4.2).req("r2").conn("C2"),
                end(4.3).req("r2"),
                other(5).timeout(),                            // a background job, no request
                other(6).pid("p2").req("r1").timeout());       // the same id in another process
        TimeoutResult t = d.timeouts();
        assertThat(t.events()).isEqualTo(5);
        assertThat(t.requests()).containsExactlyInAnyOrder(new RequestKey("p1", "r1"), new RequestKey("p1", "r2"),
                new RequestKey("p2", "r1"));
        assertThat(t.byEndpoint()).isEqualTo(Map.of("GET /api/coding/stats", 2L, "GET /api/reports", 1L,
                Endpoint.UNKNOWN, 2L));
        assertThat(d.timeoutRequestsLeftOpen()).isEqualTo(1);
        assertThat(t.items()).hasSize(5);
        assertThat(t.items().get(0).endpoint()).isEqualTo("GET /api/coding/stats");
    }

    @Test
    void noTimeoutsNoRequests() {
        Diagnosis d = Ev.analyze(getconn(0).req("a"), end(1).req("a"));
        assertThat(d.timeouts().events()).isZero();
        assertThat(d.timeouts().requests()).isEmpty();
        assertThat(d.timeoutRequestsLeftOpen()).isZero();
    }

    @Test
    void exhaustionErrorsAreCountedApartFromFailedCheckouts() {
        Counts c = Ev.analyze(
                Ev.failed(1).req("a"),
                other(1.1).req("a").exhausted(),      // the 503 quoting the PoolError
                other(2).exhausted(),                 // a background job failing the same way
                Ev.nearly(3)).counts();
        assertThat(c.getconnFailed()).isEqualTo(1);
        assertThat(c.exhaustionErrors()).isEqualTo(2);
        assertThat(c.nearlyExhausted()).isEqualTo(1);
        assertThat(c.events()).isEqualTo(4);
    }
}
