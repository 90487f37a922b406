package dev.poolscope.analysis;

import static dev.poolscope.analysis.Ev.at;
import static dev.poolscope.analysis.Ev.end;
import static dev.poolscope.analysis.Ev.getconn;
import static dev.poolscope.analysis.Ev.other;
import static dev.poolscope.analysis.Ev.putconn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import dev.poolscope.event.EventKind;
import org.junit.jupiter.api.Test;

/** How a putconn finds the getconn it closes (issue #2, "pairing"). */
class PairingTest {

    @Test
    void requestAndConnectionPickTheCheckoutWithThatConnection() {
        Diagnosis d = Ev.analyze(
                getconn(0).req("r1").conn("A"),
                getconn(1).req("r1").conn("B"),
                putconn(2).req("r1").conn("A"),     // A, although B is the latest
                end(3).req("r1"));
        CheckoutResult c = d.checkouts();
        assertThat(c.leakedCheckouts()).isEqualTo(1);
        assertThat(c.leaks()).singleElement().satisfies(l -> {
            assertThat(l.connId()).isEqualTo("B");
            assertThat(l.acquiredAt()).isEqualTo(at(1));
            assertThat(l.requestEnded()).isTrue();
        });
        assertThat(c.holdTimes().percentiles().max()).isCloseTo(2000.0, withinPercentage(0.1));
        assertThat(c.orphanPutconn()).isZero();
    }

    @Test
    void connectionOnlyPairsBackgroundJobs() {
        Diagnosis d = Ev.analyze(
                getconn(0).conn("X"),
                getconn(1).conn("Y"),
                putconn(4).conn("X"),
                putconn(5).conn("Y"));
        CheckoutResult c = d.checkouts();
        assertThat(c.leakedCheckouts()).isZero();
        assertThat(c.inFlightCount()).isZero();
        assertThat(c.orphanPutconn()).isZero();
        assertThat(c.holdTimes().percentiles().count()).isEqualTo(2);
        assertThat(c.holdTimes().percentiles().max()).isCloseTo(4000.0, withinPercentage(0.1));
    }

    @Test
    void requestOnlyWithSeveralOpenCheckoutsClosesTheLatestFirst() {
        Diagnosis d = Ev.analyze(
                getconn(0).req("r1"),
                getconn(1).req("r1"),
                getconn(2).req("r1"),
                putconn(3).req("r1"),     // closes the one from t=2
                putconn(5).req("r1"),     // closes the one from t=1
                end(6).req("r1"));
        CheckoutResult c = d.checkouts();
        assertThat(c.leaks()).singleElement().satisfies(l -> assertThat(l.acquiredAt()).isEqualTo(at(0)));
        Percentiles p = c.holdTimes().percentiles();
        assertThat(p.count()).isEqualTo(2);
        assertThat(p.max()).as("t=5 closes t=1").isCloseTo(4000.0, withinPercentage(0.1));
        assertThat(p.p50()).as("t=3 closes t=2").isCloseTo(1000.0, withinPercentage(0.1));
        assertThat(c.requestsWithoutClose()).isEqualTo(1);
        assertThat(c.leaks()).extracting(LeakItem::requestId).containsExactly("r1");
    }

    @Test
    void neitherIdPairsAnonymousCheckoutsOfTheSameProcessLatestFirst() {
        Diagnosis d = Ev.analyze(
                getconn(0),
                getconn(1),
                getconn(1).pid("p2"),
                putconn(2),              // closes t=1 of p1
                putconn(3),              // closes t=0 of p1
                putconn(4));             // nothing left in p1: orphan (p2's is not touched)
        CheckoutResult c = d.checkouts();
        assertThat(c.orphanPutconn()).isEqualTo(1);
        Percentiles p = c.holdTimes().percentiles();
        assertThat(p.count()).isEqualTo(2);
        assertThat(p.max()).isCloseTo(3000.0, withinPercentage(0.1));
        assertThat(p.p50()).isCloseTo(1000.0, withinPercentage(0.1));
        assertThat(c.leakedCheckouts() + c.inFlightCount()).isEqualTo(1);
        assertThat(c.inFlight()).singleElement().satisfies(l -> assertThat(l.process()).isEqualTo("p2"));
    }

    @Test
    void aPutconnWithNoOpenCheckoutIsAnOrphanAndDisturbsNothing() {
        Diagnosis d = Ev.analyze(
                putconn(0).req("r0").conn("C9"),   // the log started mid-request
                getconn(1).req("r1").conn("C1"),
                putconn(2).req("r1").conn("C1"),
                putconn(3).conn("C1"));            // C1 was already returned
        CheckoutResult c = d.checkouts();
        assertThat(c.orphanPutconn()).isEqualTo(2);
        assertThat(c.leakedCheckouts()).isZero();
        assertThat(c.inFlightCount()).isZero();
        assertThat(c.holdTimes().percentiles().count()).isEqualTo(1);
        assertThat(d.counts().putconn()).isEqualTo(3);
        assertThat(d.leakDelta()).isEqualTo(-2);
    }

    @Test
    void putconnLoggedWithoutRequestIdIsFoundByItsConnection() {
        Diagnosis d = Ev.analyze(
                getconn(0).req("r1").conn("C1"),
                putconn(2).conn("C1"),            // returned outside the request's logging context
                end(3).req("r1"));
        assertThat(d.checkouts().leakedCheckouts()).isZero();
        assertThat(d.checkouts().orphanPutconn()).isZero();
        assertThat(d.checkouts().holdTimes().percentiles().max()).isCloseTo(2000.0, withinPercentage(0.1));
    }

    @Test
    void putconnWithoutConnIdClosesTheRequestsLatestCheckoutEvenIfItHasOne() {
        Diagnosis d = Ev.analyze(
                getconn(0).req("r1").conn("C1"),
                getconn(1).req("r1").conn("C2"),
                putconn(2).req("r1"),
                end(3).req("r1"));
        assertThat(d.checkouts().leaks()).singleElement().satisfies(l -> assertThat(l.connId()).isEqualTo("C1"));
    }

    @Test
    void putconnWithAConnIdTheGetconnDidNotLogStillClosesTheRequestsCheckout() {
        // getconn logged before the connection was known; putconn logs both ids.
        Diagnosis d = Ev.analyze(
                getconn(0).req("r1"),
                putconn(2).req("r1").conn("C7"),
                end(3).req("r1"));
        assertThat(d.checkouts().orphanPutconn()).isZero();
        assertThat(d.checkouts().leakedCheckouts()).isZero();
        assertThat(d.checkouts().holdTimes().percentiles().max()).isCloseTo(2000.0, withinPercentage(0.1));
    }

    @Test
    void outOfOrderLinesFromSeveralProcessesWithRepeatedConnectionIds() {
        // Python id() values repeat across worker processes; lines of two workers interleave,
        // and their clocks disagree a little.
        Diagnosis d = Ev.analyze(
                getconn(10).pid("p1").req("r1").conn("5"),
                getconn(9).pid("p2").req("r2").conn("5"),
                putconn(11).pid("p2").conn("5"),          // p2's connection 5, not p1's
                getconn(8).pid("p1").req("r3").conn("6"),
                putconn(9.5).pid("p1").req("r3").conn("6"),
                end(12).pid("p2").req("r2"),
                other(100).pid("p2"));
        CheckoutResult c = d.checkouts();
        assertThat(c.orphanPutconn()).isZero();
        assertThat(c.leaks()).singleElement().satisfies(l -> {
            assertThat(l.process()).isEqualTo("p1");
            assertThat(l.requestId()).isEqualTo("r1");
            assertThat(l.ageMicros()).isEqualTo(Ev.micros(90));
        });
        Percentiles p = c.holdTimes().percentiles();
        assertThat(p.count()).isEqualTo(2);
        assertThat(p.max()).as("p2: 11 - 9").isCloseTo(2000.0, withinPercentage(0.1));
        assertThat(p.p50()).as("p1: 9.5 - 8").isCloseTo(1500.0, withinPercentage(0.1));
    }

    @Test
    void requestIdsArePerProcess() {
        Diagnosis d = Ev.analyze(
                getconn(0).pid("p1").req("same"),
                getconn(0).pid("p2").req("same"),
                putconn(1).pid("p2").req("same"),
                end(2).pid("p1").req("same"),
                end(2).pid("p2").req("same"));
        assertThat(d.checkouts().leaks()).singleElement().satisfies(l -> assertThat(l.process()).isEqualTo("p1"));
        assertThat(d.requestsWithoutClose()).isEqualTo(1);
    }

    @Test
    void aLineWithoutTimestampTakesThePreviousEventsTime() {
        Diagnosis d = Ev.analyze(
                getconn(10).req("r1").conn("C1"),
                other(12),
                Ev.untimed(EventKind.CHECKIN).req("r1").conn("C1"));
        assertThat(d.counts().missingTimestamps()).isEqualTo(1);
        assertThat(d.checkouts().holdTimes().percentiles().max()).isCloseTo(2000.0, withinPercentage(0.1));
    }
}
