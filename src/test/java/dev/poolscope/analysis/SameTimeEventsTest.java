package dev.poolscope.analysis;

import static dev.poolscope.analysis.Ev.getconn;
import static dev.poolscope.analysis.Ev.putconn;
import static org.assertj.core.api.Assertions.assertThat;

import dev.poolscope.event.PoolEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A checkin logged before its own checkout with the same time is paired anyway (docs/robustness.md), by "the same
 * rules" as any putconn (docs/metrics.md, Pairing): never across processes; the connection decides, else the request,
 * else a checkin without ids closes only a checkout without ids. Each case holds one checkin and offers same-time
 * checkouts; the expected pairing is read off those rules.
 */
class SameTimeEventsTest {

    private static PoolEvent ev(Ev e) {
        return e.build(1);
    }

    /** Holds the checkin, then returns what the checkout takes from the held events (null: no pair). */
    private static PoolEvent pairOf(Ev checkin, Ev checkout) {
        SameTimeEvents ties = new SameTimeEvents();
        assertThat(ties.hold(ev(checkin))).isZero();
        return ties.checkinFor(ev(checkout));
    }

    @Test
    void aHeldCheckinNeverClosesAnotherProcesssCheckoutEvenOnTheSameConnection() {
        assertThat(pairOf(putconn(5).pid("B").conn("c1"), getconn(5).pid("A").conn("c1"))).isNull();
        assertThat(pairOf(putconn(5).pid("A").conn("c1"), getconn(5).pid("A").conn("c1"))).isNotNull();
    }

    @Test
    void withAConnectionIdTheConnectionDecidesWhateverTheRequest() {
        assertThat(pairOf(putconn(5).conn("c2"), getconn(5).conn("c1"))).isNull();
        assertThat(pairOf(putconn(5).conn("c2").req("r1"), getconn(5).conn("c1").req("r1"))).isNull();
        // rule 2: a putconn with only a connection id closes that connection's checkout, whatever its request
        assertThat(pairOf(putconn(5).conn("c1"), getconn(5).conn("c1").req("r1"))).isNotNull();
    }

    @Test
    void withOnlyARequestIdTheRequestDecides() {
        assertThat(pairOf(putconn(5).req("r1"), getconn(5).req("r1"))).isNotNull();
        assertThat(pairOf(putconn(5).req("r1"), getconn(5).req("r2"))).isNull();
        assertThat(pairOf(putconn(5).req("r1"), getconn(5).req("r1").pid("p2"))).isNull();
    }

    @Test
    void aCheckinWithoutIdsClosesOnlyACheckoutWithoutIds() {
        assertThat(pairOf(putconn(5), getconn(5))).isNotNull();
        assertThat(pairOf(putconn(5), getconn(5).req("r1"))).isNull();
        assertThat(pairOf(putconn(5), getconn(5).conn("c1"))).isNull();
        assertThat(pairOf(putconn(5), getconn(5).pid("p2"))).isNull();
    }

    @Test
    void theCheckoutTakesItsOwnCheckinNotAnotherConnectionsHeldAtTheSameTime() {
        SameTimeEvents ties = new SameTimeEvents();
        PoolEvent a = putconn(5).conn("c1").build(1);
        PoolEvent b = putconn(5).conn("c2").build(2);
        ties.hold(a);
        ties.hold(b);
        assertThat(ties.checkinFor(ev(getconn(5).conn("c1")))).isSameAs(a);
        assertThat(ties.checkins()).isEqualTo(1);
        assertThat(ties.checkinFor(ev(getconn(5).conn("c1")))).isNull();
        assertThat(ties.checkinFor(ev(getconn(5).conn("c2")))).isSameAs(b);
        assertThat(ties.checkins()).isZero();
    }

    /** Through the whole analysis: a reordered checkin of process B leaves A's same-time checkout open and is an orphan. */
    @Test
    void aReorderedCheckinOfAnotherProcessIsAnOrphanAndLeavesTheCheckoutOpen() {
        Diagnosis d = Ev.analyze(
                putconn(5).pid("B").conn("c1").req("r1"),
                getconn(5).pid("A").conn("c1").req("r1"),
                getconn(6).pid("A").conn("c9").req("r9"));     // a later time: the held checkin expires
        assertThat(d.time().sameTimeReorders()).isZero();
        assertThat(d.checkouts().orphanPutconn()).isEqualTo(1);
        assertThat(d.checkouts().holdTimes().histogram().getTotalCount()).isZero();
    }

    /** A reordered checkin with a connection id and no request id pairs with its checkout (rule 2). */
    @Test
    void aReorderedCheckinWithOnlyAConnectionIdIsPaired() {
        Diagnosis d = Ev.analyze(
                putconn(5).conn("c1"),
                getconn(5).conn("c1").req("r1"),
                getconn(6).conn("c9").req("r9"));
        assertThat(d.time().sameTimeReorders()).isEqualTo(1);
        assertThat(d.checkouts().orphanPutconn()).isZero();
        assertThat(d.checkouts().holdTimes().histogram().getTotalCount()).isEqualTo(1);
    }

    /**
     * The bound on held events (SameTimeEvents.MAX_HELD) gives up a checkin only past it: exactly MAX_HELD checkins
     * held at one time all meet their checkouts, so none is an orphan.
     */
    @Test
    void exactlyMaxHeldSameTimeCheckinsAllPair() {
        int n = SameTimeEvents.MAX_HELD;
        List<Ev> events = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            events.add(putconn(1).req("r" + i).conn("c" + i));
        }
        for (int i = 0; i < n; i++) {
            events.add(getconn(1).req("r" + i).conn("c" + i));
        }
        Diagnosis d = Ev.analyze(events.toArray(Ev[]::new));
        assertThat(d.checkouts().orphanPutconn()).isZero();
        assertThat(d.time().sameTimeReorders()).isEqualTo(n);
        assertThat(d.checkouts().holdTimes().histogram().getTotalCount()).isEqualTo(n);
    }
}
