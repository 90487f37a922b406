package dev.poolscope.analysis;

import static dev.poolscope.analysis.Ev.other;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * TimeoutCollector's bounds (docs/metrics.md, Statement timeouts and Endpoints): the first {@code --max-items}
 * timeouts are listed in input order while all are counted; the first 2,000 endpoint names keep their own count,
 * later new names share "(other endpoints)" and a known name keeps counting; past the request memory a timeout of
 * a request not remembered counts as one more request, each time (an upper bound), a remembered one does not.
 */
class TimeoutCollectorTest {

    private static TimeoutResult collect(int maxItems, int maxRequests, List<Ev> events) {
        AnalysisOptions d = AnalysisOptions.defaults();
        TimeoutCollector c = new TimeoutCollector(new AnalysisOptions(d.grace(), d.leakThreshold(), d.mergeGap(),
                maxItems, d.thresholds()), maxRequests);
        Ev.build(events.toArray(Ev[]::new)).forEach(c::accept);
        return c.finish();
    }

    @Test
    void theFirstMaxItemsAreListedInInputOrderAllAreCounted() {
        TimeoutResult t = collect(2, 100, List.of(other(1).timeout(), other(2), other(3).timeout(), other(4).timeout()));
        assertThat(t.events()).as("line 2 is no timeout").isEqualTo(3);
        assertThat(t.items()).extracting(TimeoutEvent::line).containsExactly(1L, 3L);
    }

    @Test
    void theFirst2000EndpointsKeepTheirNamesLaterNewOnesShareOne() {
        List<Ev> events = new ArrayList<>();
        for (int i = 0; i < Endpoint.MAX_DISTINCT; i++) {
            events.add(other(i).endpoint("GET /e" + i).timeout());
        }
        events.add(other(5_000).endpoint("GET /late").timeout());   // the 2,001st name
        events.add(other(5_001).endpoint("GET /e0").timeout());     // a known one, after the cap
        TimeoutResult t = collect(10, 100, events);
        assertThat(t.byEndpoint()).hasSize(Endpoint.MAX_DISTINCT + 1).doesNotContainKey("GET /late");
        assertThat(t.byEndpoint().get("GET /e" + (Endpoint.MAX_DISTINCT - 1))).isEqualTo(1);
        assertThat(t.byEndpoint().get(Endpoint.OTHER)).isEqualTo(1);
        assertThat(t.byEndpoint().get("GET /e0")).isEqualTo(2);
    }

    @Test
    void pastTheRequestMemoryEachTimeoutOfAnUnrememberedRequestCountsAsOne() {
        TimeoutResult t = collect(10, 2, List.of(other(1).req("r1").timeout(), other(2).req("r2").timeout(),
                other(3).req("r1").timeout(),            // remembered: still two requests
                other(4).req("r3").timeout(),            // not remembered: one more
                other(5).req("r3").timeout(),            // again: counted again (the upper bound)
                other(6).timeout()));                    // no request: an event only
        assertThat(t.events()).isEqualTo(6);
        assertThat(t.requests()).containsExactlyInAnyOrder(new RequestKey("p1", "r1"), new RequestKey("p1", "r2"));
        assertThat(t.requestsByLimit()).isEqualTo(2);
        assertThat(t.requestCount()).isEqualTo(4);
    }

    @Test
    void eventsThatAreNoTimeoutsChangeNothing() {
        TimeoutResult t = collect(10, 2, List.of(other(1).req("r1").endpoint("GET /a"), Ev.getconn(2).req("r2")));
        assertThat(t.events()).isZero();
        assertThat(t.requests()).isEmpty();
        assertThat(t.byEndpoint()).isEmpty();
        assertThat(t.items()).isEmpty();
    }
}
