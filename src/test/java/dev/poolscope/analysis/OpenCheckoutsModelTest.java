package dev.poolscope.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.poolscope.testing.PropertyCases;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The compact store against a plain model written here from the pairing rules (a list in arrival order,
 * searched from the end), on random opens, closes and endpoint namings with few distinct ids so that
 * collisions, several checkouts per request and per connection, and anonymous checkouts are common.
 */
class OpenCheckoutsModelTest {
    private static final class Open {
        final long id;
        final String process;
        final String request;
        final String conn;
        String endpoint;

        Open(long id, String process, String request, String conn, String endpoint) {
            this.id = id;
            this.process = process;
            this.request = request;
            this.conn = conn;
            this.endpoint = endpoint;
        }
    }

    /** The rules, literally: the latest open checkout that qualifies, by rule order. */
    private static final class Model {
        final List<Open> open = new ArrayList<>();

        Open close(String process, String request, String conn) {
            Open match = null;
            if (request != null && conn != null) {
                match = latest(o -> o.process.equals(process) && request.equals(o.request) && conn.equals(o.conn));
            }
            if (match == null && conn != null) {
                Open byConn = latest(o -> o.process.equals(process) && conn.equals(o.conn));
                if (byConn != null && (request == null || byConn.request == null)) {
                    match = byConn;
                }
            }
            if (match == null && request != null) {
                match = latest(o -> o.process.equals(process) && request.equals(o.request)
                        && (conn == null || o.conn == null));
            }
            if (match == null && request == null && conn == null) {
                match = latest(o -> o.process.equals(process) && o.request == null && o.conn == null);
            }
            open.remove(match);
            return match;
        }

        /** A later event of the request names the endpoint of its open checkouts that have none. */
        void name(String process, String request, String endpoint) {
            for (Open o : open) {
                if (o.process.equals(process) && Objects.equals(o.request, request) && o.endpoint == null) {
                    o.endpoint = endpoint;
                }
            }
        }

        private Open latest(java.util.function.Predicate<Open> p) {
            for (int i = open.size() - 1; i >= 0; i--) {
                if (p.test(open.get(i))) {
                    return open.get(i);
                }
            }
            return null;
        }
    }

    private static String pick(Random r, String[] choices) {
        return choices[r.nextInt(choices.length)];
    }

    private static void run(long seed, int steps) {
        Random r = new Random(seed);
        String[] processes = {"web-1/1", "web-1/2", "worker/9"};
        String[] requests = {null, null, OpenCheckoutsTest.uuid(1), OpenCheckoutsTest.uuid(2), OpenCheckoutsTest.uuid(3),
                "r-7", "42", "R-7"};
        String[] conns = {null, null, "139700565699584", "139700565699648", "0", "c-1", "007"};
        String[] endpoints = {null, null, "GET /a", "POST /b"};
        Model model = new Model();
        OpenCheckouts store = new OpenCheckouts();
        long nextId = 0;
        for (int step = 0; step < steps; step++) {
            String process = pick(r, processes);
            String request = pick(r, requests);
            String conn = pick(r, conns);
            int op = r.nextInt(100);
            if (op < 12) {
                String endpoint = pick(r, endpoints);
                if (endpoint != null && request != null) {   // as CheckoutTracker calls it
                    model.name(process, request, endpoint);
                    store.nameEndpoint(process, request, endpoint);
                }
            } else if (op < 60) {
                long id = nextId++;
                String endpoint = pick(r, endpoints);
                model.open.add(new Open(id, process, request, conn, endpoint));
                store.add(process, request, conn, id, endpoint, "log", id);   // the time names it (slots move)
            } else {
                Open expected = model.close(process, request, conn);
                int s = store.find(process, request, conn);
                String what = "seed " + seed + " step " + step + ": close " + process + " " + request + " " + conn;
                if (expected == null) {
                    assertThat(s).as(what).isNegative();
                    continue;
                }
                assertThat(s).as(what).isNotNegative();
                assertThat(store.acquiredAt(s)).as(what).isEqualTo(expected.id);
                assertThat(store.line(s)).isEqualTo(expected.id);
                assertThat(store.process(s)).isEqualTo(expected.process);
                assertThat(store.requestId(s)).isEqualTo(expected.request);
                assertThat(store.connId(s)).isEqualTo(expected.conn);
                assertThat(store.endpoint(s)).as(what).isEqualTo(expected.endpoint);
                store.remove(s);
            }
            assertThat(store.size()).isEqualTo(model.open.size());
        }
        // what is left, in arrival order, field by field
        int[] order = store.inOrder();
        assertThat(order).hasSize(model.open.size());
        for (int i = 0; i < order.length; i++) {
            Open o = model.open.get(i);
            assertThat(store.acquiredAt(order[i])).isEqualTo(o.id);
            assertThat(Objects.equals(store.requestId(order[i]), o.request)).isTrue();
            assertThat(Objects.equals(store.connId(order[i]), o.conn)).isTrue();
            assertThat(store.endpoint(order[i])).isEqualTo(o.endpoint);
        }
    }

    @Test
    void agreesWithTheModelOnRandomSequences() {
        for (long seed = 1; seed <= PropertyCases.of(40); seed++) {
            run(seed, 4000);
        }
    }

    @Test
    void agreesWithTheModelOnALongSequenceThatGrowsTheIndexes() {
        run(20261127, 200_000);
    }
}
