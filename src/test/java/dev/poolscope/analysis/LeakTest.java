package dev.poolscope.analysis;

import static dev.poolscope.analysis.Ev.at;
import static dev.poolscope.analysis.Ev.end;
import static dev.poolscope.analysis.Ev.getconn;
import static dev.poolscope.analysis.Ev.micros;
import static dev.poolscope.analysis.Ev.other;
import static dev.poolscope.analysis.Ev.putconn;
import static org.assertj.core.api.Assertions.assertThat;

import dev.poolscope.event.EventKind;
import dev.poolscope.event.PoolEvent;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Open checkouts at the end: leaked (request finished, or older than --grace) or in flight. */
class LeakTest {

    private static Ev[] endOfLogScenario() {
        return new Ev[] {
            getconn(10).req("r3").conn("C"),              // 90 s old at the end: leak by age
            getconn(20).conn("E"),                        // background job, 80 s old: leak, but no request
            getconn(40).req("r4").conn("D"),              // exactly 60 s old: not older than grace
            getconn(90).req("r1").conn("A"),
            end(95).req("r1"),                            // finished without returning A: leak though young
            getconn(95).req("r2").conn("B"),              // 5 s old, request still running: in flight
            other(100)};
    }

    @Test
    void finishedRequestVersusInFlightVersusOlderThanGrace() {
        CheckoutResult c = Ev.analyze(endOfLogScenario()).checkouts();
        assertThat(c.leakedCheckouts()).isEqualTo(3);
        assertThat(c.leaks()).extracting(LeakItem::connId).containsExactly("C", "E", "A");   // oldest first
        assertThat(c.leaks()).extracting(LeakItem::ageMicros).containsExactly(micros(90), micros(80), micros(10));
        assertThat(c.leaks()).extracting(LeakItem::requestEnded).containsExactly(false, false, true);
        assertThat(c.requestsWithoutClose()).isEqualTo(2);   // r3 and r1; E has no request
        assertThat(c.leaks()).extracting(LeakItem::requestId).containsExactly("r3", null, "r1");
        assertThat(c.inFlightCount()).isEqualTo(2);
        assertThat(c.inFlight()).extracting(LeakItem::connId).containsExactly("D", "B");
    }

    @Test
    void graceIsAnOption() {
        var options = Ev.options(Duration.ofSeconds(4), Duration.ofSeconds(60), Duration.ofSeconds(5),
                Thresholds.defaults());
        CheckoutResult c = Ev.analyze(options, endOfLogScenario()).checkouts();
        assertThat(c.leakedCheckouts()).isEqualTo(5);
        assertThat(c.inFlightCount()).isZero();
        assertThat(c.requestsWithoutClose()).isEqualTo(4);
    }

    @Test
    void aCheckoutBeforeTheFirstTimestampHasNoAge() {
        CheckoutResult c = Ev.analyze(
                Ev.untimed(EventKind.CHECKOUT).req("r1"),
                end(10).req("r1")).checkouts();
        assertThat(c.leaks()).singleElement().satisfies(l -> {
            assertThat(l.acquiredAt()).isEqualTo(PoolEvent.NO_TIME);
            assertThat(l.ageMicros()).isEqualTo(LeakItem.UNKNOWN_AGE);
        });
    }

    @Test
    void requestEndBeforeTheCheckinIsNoLeak() {
        CheckoutResult c = Ev.analyze(
                getconn(0).req("r1").conn("A"),
                end(1).req("r1"),
                putconn(2).req("r1").conn("A"),
                other(500)).checkouts();
        assertThat(c.leakedCheckouts()).isZero();
        assertThat(c.inFlightCount()).isZero();
    }

    @Test
    void leakTakesItsEndpointFromAnyEventOfItsRequest() {
        Diagnosis d = Ev.analyze(
                other(0).req("r1").endpoint("GET /api/projects/{id}"),   // e.g. http.request.started
                getconn(1).req("r1").conn("A"),
                getconn(2).req("r2").conn("B"),
                end(3).req("r2").endpoint("DELETE /api/projects/{id}"),   // only the end names r2's route
                getconn(4).req("r3").conn("C"),
                end(5).req("r1"),
                end(6).req("r3"));
        CheckoutResult c = d.checkouts();
        assertThat(c.leaks()).extracting(LeakItem::endpoint)
                .containsExactly("GET /api/projects/{id}", "DELETE /api/projects/{id}", null);
        assertThat(c.leaksByEndpoint()).isEqualTo(Map.of("GET /api/projects/{id}", 1L,
                "DELETE /api/projects/{id}", 1L, Endpoint.UNKNOWN, 1L));
        assertThat(d.endpoints()).extracting(EndpointRow::leakedCheckouts).containsOnly(1L);
    }

    @Test
    void topEndpointsByLeaksComeFirst() {
        Diagnosis d = Ev.analyze(
                getconn(0).req("a").endpoint("GET /busy"), putconn(0.1).req("a"),
                getconn(0).req("b").endpoint("GET /busy"), putconn(0.1).req("b"),
                getconn(0).req("c").endpoint("GET /busy"), putconn(0.1).req("c"),
                getconn(1).req("d").endpoint("POST /leaky"), end(2).req("d"),
                getconn(1).req("e").endpoint("POST /leaky"), end(2).req("e"),
                getconn(1).req("f").endpoint("DELETE /once"), end(2).req("f"));
        assertThat(d.endpoints()).extracting(EndpointRow::endpoint)
                .containsExactly("POST /leaky", "DELETE /once", "GET /busy");
        assertThat(d.endpoints()).extracting(EndpointRow::checkouts).containsExactly(2L, 1L, 3L);
        assertThat(d.requestsWithoutClose()).isEqualTo(3);
    }

    @Test
    void longHoldsAreCheckoutsReturnedAfterMoreThanTheThreshold() {
        Ev[] events = {
            getconn(0).req("a"), putconn(61).req("a"),
            getconn(0).req("b"), putconn(60).req("b"),       // exactly the threshold: not more
            getconn(0).req("c"), putconn(59).req("c"),
            getconn(0).req("d").endpoint("GET /slow"), putconn(120).req("d")};
        CheckoutResult c = Ev.analyze(events).checkouts();
        assertThat(c.longHoldCount()).isEqualTo(2);
        assertThat(c.longHolds()).extracting(LongHold::requestId).containsExactly("d", "a");   // longest first
        assertThat(c.longHolds().get(0).heldMicros()).isEqualTo(micros(120));
        assertThat(c.longHolds().get(0).acquiredAt()).isEqualTo(at(0));
        assertThat(c.longHolds().get(0).returnedAt()).isEqualTo(at(120));
        assertThat(c.longHolds().get(0).endpoint()).isEqualTo("GET /slow");
        assertThat(c.leakedCheckouts()).isZero();

        var options = Ev.options(Duration.ofSeconds(60), Duration.ofSeconds(30), Duration.ofSeconds(5),
                Thresholds.defaults());
        assertThat(Ev.analyze(options, events).checkouts().longHoldCount()).isEqualTo(4);
    }
}
