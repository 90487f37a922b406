package dev.poolscope.analysis;

import static dev.poolscope.analysis.Ev.end;
import static dev.poolscope.analysis.Ev.getconn;
import static dev.poolscope.analysis.Ev.putconn;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * docs/metrics.md: the endpoint of a checkout is "the getconn's own, else the one an earlier event of the same
 * request named ..., else one named by a later event of the request while the checkout is open (the request-end
 * event usually carries it)". The store skips this naming while no open checkout lacks an endpoint, so these
 * tests pin that its count of unnamed checkouts stays right as named and unnamed ones come and go.
 */
class LaterEndpointTest {

    @Test
    void theRequestEndNamesACheckoutTakenWithoutAnEndpoint() {
        CheckoutResult c = Ev.analyze(
                getconn(0).req("r1").conn("A"),
                end(1).req("r1").endpoint("GET /a")).checkouts();
        assertThat(c.leakedCheckouts()).isEqualTo(1);   // its request ended with it open
        assertThat(c.leaksByEndpoint()).isEqualTo(Map.of("GET /a", 1L));
    }

    @Test
    void returningANamedCheckoutDoesNotHideAnUnnamedOneStillOpen() {
        CheckoutResult c = Ev.analyze(
                getconn(0).req("r1").conn("A"),                        // no endpoint
                getconn(1).req("r2").conn("B").endpoint("GET /b"),     // named
                putconn(2).req("r2").conn("B"),                        // the named one returns
                end(3).req("r1").endpoint("GET /a")).checkouts();      // A is still open: named now, and leaked
        assertThat(c.leaksByEndpoint()).isEqualTo(Map.of("GET /a", 1L));
        assertThat(c.endpoints()).containsOnlyKeys("GET /a", "GET /b");
    }

    @Test
    void oneNamingNamesEveryUnnamedCheckoutOfTheRequestAndLeavesOthersUnnamed() {
        CheckoutResult c = Ev.analyze(
                getconn(0).req("r1").conn("A"),
                getconn(0.5).req("r1").conn("B"),
                getconn(0.7).req("r3").conn("C"),                      // another request, never named
                end(1).req("r1").endpoint("GET /a"),                   // names A and B
                putconn(2).req("r1").conn("A"),
                putconn(3).req("r1").conn("B"),
                putconn(4).req("r3").conn("C")).checkouts();
        assertThat(c.leakedCheckouts()).isZero();
        assertThat(c.endpoints().get("GET /a").checkouts).isEqualTo(2);
        assertThat(c.endpoints().get(Endpoint.UNKNOWN).checkouts).isEqualTo(1);
    }
}
