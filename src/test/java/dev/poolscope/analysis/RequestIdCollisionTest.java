package dev.poolscope.analysis;

import static dev.poolscope.analysis.Ev.end;
import static dev.poolscope.analysis.Ev.getconn;
import static dev.poolscope.analysis.Ev.putconn;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * docs/metrics.md, Pairing rule 3: a putconn with only a request id closes that request's latest open checkout.
 * Request ids are looked up by hash, so two ids with the same {@code String.hashCode} ("Aa" and "BB" both hash to
 * 2112) must still be told apart by their text.
 */
class RequestIdCollisionTest {

    @Test
    void aCheckinClosesItsOwnRequestsCheckoutNotOneWhoseIdHasTheSameHash() {
        assertThat("Aa".hashCode()).isEqualTo("BB".hashCode());
        Diagnosis d = Ev.analyze(
                getconn(0).req("Aa").endpoint("GET /a"),
                getconn(1).req("BB").endpoint("GET /b"),    // the later one: "latest first" would pick it on a hash match
                putconn(2).req("Aa"),
                end(3).req("Aa"),
                end(3).req("BB"));
        CheckoutResult c = d.checkouts();
        assertThat(c.orphanPutconn()).isZero();
        assertThat(c.leakedCheckouts()).isEqualTo(1);
        assertThat(c.leaksByEndpoint()).isEqualTo(Map.of("GET /b", 1L));
        assertThat(c.leaks()).extracting(LeakItem::requestId).containsExactly("BB");
    }
}
