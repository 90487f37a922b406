package dev.poolscope.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.poolscope.event.EventKind;
import dev.poolscope.event.PoolEvent;
import dev.poolscope.testing.PropertyCases;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The array-based request memory against the LinkedHashMap it replaced (copied here as the model), on
 * random events over more requests than it remembers, so that forgetting the least recent is exercised.
 */
class RequestContextModelTest {
    /** The former implementation, verbatim in behaviour. */
    private static final class Model {
        private final Map<RequestKey, String> endpoints = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<RequestKey, String> eldest) {
                return size() > RequestContext.REMEMBERED_REQUESTS;
            }
        };

        String endpointFor(PoolEvent e) {
            String endpoint = e.endpoint();
            if (e.requestId() != null) {
                RequestKey key = new RequestKey(e.process(), e.requestId());
                if (endpoint != null) {
                    endpoints.put(key, endpoint);
                } else {
                    endpoint = endpoints.get(key);
                }
                if (e.kind() == EventKind.REQUEST_END) {
                    endpoints.remove(key);
                }
            }
            return endpoint;
        }
    }

    @Test
    void remembersAndForgetsExactlyLikeTheLinkedHashMap() {
        for (long seed = 1; seed <= PropertyCases.of(3); seed++) {
            Random r = new Random(seed);
            Model model = new Model();
            RequestContext context = new RequestContext();
            EventKind[] kinds = {EventKind.CHECKOUT, EventKind.CHECKIN, EventKind.REQUEST_END, EventKind.CHECKOUT,
                EventKind.CHECKIN, EventKind.CHECKOUT};
            int fullest = 0;
            for (int step = 0; step < 400_000; step++) {
                int n = r.nextInt(step < 200_000 ? 90_000 : 2_000);   // many requests, then a few hot ones
                String request = r.nextInt(10) == 0 ? null
                        : n % 3 == 0 ? "req-" + n : OpenCheckoutsTest.uuid(n);
                String process = r.nextBoolean() ? "web/1" : "web/2";
                String endpoint = r.nextInt(3) != 0 ? "GET /e" + r.nextInt(5) : null;
                PoolEvent e = new PoolEvent(kinds[r.nextInt(kinds.length)], step, process, request, null,
                        PoolEvent.NO_COUNT, PoolEvent.NO_COUNT, endpoint, false, false, "log", step);
                assertThat(context.enrich(e).endpoint()).as("seed " + seed + " step " + step)
                        .isEqualTo(model.endpointFor(e));
                fullest = Math.max(fullest, model.endpoints.size());
            }
            assertThat(fullest).as("the memory was full, so it had to forget").isEqualTo(RequestContext.REMEMBERED_REQUESTS);
            assertThat(context.size()).isEqualTo(model.endpoints.size());
        }
    }
}
