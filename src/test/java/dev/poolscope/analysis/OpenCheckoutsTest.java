package dev.poolscope.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.poolscope.event.PoolEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The compact store on its own: each pairing rule, id shapes, slot reuse, index growth. */
class OpenCheckoutsTest {
    private static final String U1 = "0f8e2c4a-1b2c-4d3e-8f90-a1b2c3d4e5f6";
    private static final String U2 = "0f8e2c4a-1b2c-4d3e-8f90-a1b2c3d4e5f7";

    private final OpenCheckouts store = new OpenCheckouts();

    private int add(String process, String request, String conn, long time) {
        return store.add(process, request, conn, time, null, "log", time);
    }

    /** Finds and removes like a checkin; returns the time of the checkout closed, or -1. */
    private long close(String process, String request, String conn) {
        int s = store.find(process, request, conn);
        if (s < 0) {
            return -1;
        }
        long t = store.acquiredAt(s);
        store.remove(s);
        return t;
    }

    @Test
    void requestAndConnectionCloseTheirOwnCheckout() {
        add("p", U1, "140234567890", 1);
        add("p", U1, "140234567891", 2);
        assertThat(close("p", U1, "140234567890")).isEqualTo(1);
        assertThat(close("p", U1, "140234567891")).isEqualTo(2);
        assertThat(store.size()).isZero();
    }

    @Test
    void connectionAloneClosesUnlessBothNameDifferentRequests() {
        add("p", U1, "7", 1);
        assertThat(close("p", U2, "7")).as("another request, same connection").isEqualTo(-1);
        assertThat(close("p", null, "7")).as("checkin outside the request").isEqualTo(1);
        add("p", null, "8", 3);
        assertThat(close("p", U2, "8")).as("the checkout had no request").isEqualTo(3);
    }

    @Test
    void requestAloneClosesTheLatestFirst() {
        add("p", U1, null, 1);
        add("p", U1, null, 2);
        add("p", U1, "9", 3);
        assertThat(close("p", U1, null)).as("any connection, latest").isEqualTo(3);
        assertThat(close("p", U1, "55")).as("unknown connection: a checkout without one").isEqualTo(2);
        assertThat(close("p", U1, null)).isEqualTo(1);
        assertThat(close("p", U1, null)).isEqualTo(-1);
    }

    @Test
    void anonymousCheckoutsArePerProcessStacks() {
        add("p", null, null, 1);
        add("q", null, null, 2);
        add("p", null, null, 3);
        assertThat(close("p", null, null)).isEqualTo(3);
        assertThat(close("p", null, null)).isEqualTo(1);
        assertThat(close("p", null, null)).isEqualTo(-1);
        assertThat(close("q", null, null)).isEqualTo(2);
    }

    @Test
    void processesNeverMix() {
        add("p", U1, "5", 1);
        assertThat(close("q", U1, "5")).isEqualTo(-1);
        assertThat(close("q", null, "5")).isEqualTo(-1);
        assertThat(close("q", U1, null)).isEqualTo(-1);
        assertThat(close("p", U1, "5")).isEqualTo(1);
    }

    @Test
    void idsOfEveryShapeComeBackAsTheyWere() {
        String[] requests = {U1, U1.toUpperCase(), "42", "req-1", "", "0f8e2c4a-1b2c-4d3e-8f90-a1b2c3d4e5fg", null};
        String[] conns = {"0", "7", "007", "-3", "140737488355327", "140737488355328", "99999999999999999999",
                "conn-a", "", null};
        List<Integer> slots = new ArrayList<>();
        for (String r : requests) {
            for (String c : conns) {
                slots.add(store.add("p", r, c, 5, "GET /x", "src", 9));
            }
        }
        int k = 0;
        for (String r : requests) {
            for (String c : conns) {
                int s = slots.get(k++);
                assertThat(store.requestId(s)).isEqualTo(r);
                assertThat(store.connId(s)).isEqualTo(c);
                assertThat(store.process(s)).isEqualTo("p");
                assertThat(store.endpoint(s)).isEqualTo("GET /x");
                assertThat(store.source(s)).isEqualTo("src");
            }
        }
        for (String r : requests) {
            for (String c : conns) {
                if (r != null || c != null) {
                    int s = store.find("p", r, c);
                    assertThat(s).as(r + " " + c).isNotNegative();
                    assertThat(store.requestId(s)).isEqualTo(r);
                    assertThat(store.connId(s)).isEqualTo(c);
                    store.remove(s);
                }
            }
        }
        assertThat(store.size()).isEqualTo(1);   // the anonymous one
    }

    @Test
    void timesAndLinesOfAnySizeComeBack() {
        long[] times = {PoolEvent.NO_TIME, 0, -1, 1_795_791_347_000_000L, Long.MAX_VALUE, Long.MIN_VALUE + 1,
                -1_795_791_347_000_000L};
        long[] lines = {-1, 0, 1, 0xFFFF_FFFEL, 0xFFFF_FFFFL, Long.MAX_VALUE, -5};
        List<Integer> slots = new ArrayList<>();
        for (long t : times) {
            for (long l : lines) {
                slots.add(store.add("p", null, null, t, null, null, l));
            }
        }
        int k = 0;
        for (long t : times) {
            for (long l : lines) {
                int s = slots.get(k++);
                assertThat(store.acquiredAt(s)).isEqualTo(t);
                assertThat(store.line(s)).isEqualTo(l);
                assertThat(store.source(s)).isNull();
                assertThat(store.endpoint(s)).isNull();
            }
        }
    }

    @Test
    void closedSlotsAreReclaimedSoTheStoreDoesNotGrow() {
        for (int round = 0; round < 200; round++) {
            List<Integer> slots = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                slots.add(add("p" + i % 3, "r" + round + "-" + i, Integer.toString(i), round * 1000L + i));
            }
            slots.forEach(store::remove);
            // compacted once a chunk (16,384) of closed ones has gathered
            assertThat(store.top()).as("200,000 checkouts through under 20,000 slots").isLessThan(20_000);
        }
        assertThat(store.size()).isZero();
    }

    /**
     * The compaction rule (OpenCheckouts.MIN_DEAD): the store compacts when it holds more than a chunk (16,384) of
     * closed checkouts and they are more than a fifth of its slots (more than a quarter of the open ones); the
     * slots handed out ({@code top()}) then drop to the open ones. Exactly at either bound it does not compact.
     */
    @Test
    void theStoreCompactsPastAChunkOfClosedCheckoutsAndAFifthOfItsSlots() {
        int chunk = SlotColumns.CHUNK;
        List<Integer> slots = new ArrayList<>();
        for (int i = 0; i < 2 * chunk; i++) {
            slots.add(add("p", "r" + i, null, i));
        }
        slots.subList(0, chunk).forEach(store::remove);          // a chunk closed, exactly: not yet
        add("p", "x1", null, 0);
        assertThat(store.top()).isEqualTo(2 * chunk + 1);
        store.remove(slots.get(chunk));                          // one more closed: past both bounds
        add("p", "x2", null, 0);
        assertThat(store.size()).isEqualTo(chunk + 1);
        assertThat(store.top()).isEqualTo(chunk + 1);
    }

    @Test
    void aChunkOfClosedCheckoutsIsNotEnoughWhileTheyAreAFifthOfTheSlotsOrLess() {
        int dead = SlotColumns.CHUNK + 1;
        List<Integer> slots = new ArrayList<>();
        for (int i = 0; i < 5 * dead; i++) {
            slots.add(add("p", "r" + i, null, i));
        }
        slots.subList(0, dead).forEach(store::remove);           // closed: exactly a quarter of the open ones
        add("p", "x1", null, 0);
        assertThat(store.top()).isEqualTo(5 * dead + 1);
        store.remove(slots.get(dead));                           // one more closed, one fewer open
        add("p", "x2", null, 0);
        assertThat(store.size()).isEqualTo(4 * dead + 1);
        assertThat(store.top()).isEqualTo(4 * dead + 1);
    }

    @Test
    void compactionKeepsOrderKeysAndFieldsOfWhatIsOpen() {
        // every third checkout stays open; the others close, so the store compacts many times
        List<long[]> kept = new ArrayList<>();
        for (int i = 0; i < 30_000; i++) {
            String request = i % 5 == 0 ? null : OpenCheckoutsTest.uuid(i % 700);
            String conn = i % 7 == 0 ? null : Integer.toString(i);
            int s = store.add("p" + i % 2, request, conn, 1_000_000L * i, "GET /" + i % 3, "f", i);
            if (i % 3 == 0) {
                kept.add(new long[] {i});
            } else {
                store.remove(s);
            }
        }
        assertThat(store.top()).as("compacted at least once").isLessThan(30_000);
        int[] order = store.inOrder();
        assertThat(order).hasSize(kept.size());
        for (int k = 0; k < order.length; k++) {
            long i = kept.get(k)[0];
            int s = order[k];
            assertThat(store.acquiredAt(s)).isEqualTo(1_000_000L * i);
            assertThat(store.line(s)).isEqualTo(i);
            assertThat(store.endpoint(s)).isEqualTo("GET /" + i % 3);
            assertThat(store.process(s)).isEqualTo("p" + i % 2);
        }
        // and the indexes still find them, latest first
        for (int k = kept.size() - 1; k >= 0; k--) {
            long i = kept.get(k)[0];
            String request = i % 5 == 0 ? null : OpenCheckoutsTest.uuid(i % 700);
            String conn = i % 7 == 0 ? null : Long.toString(i);
            assertThat(close("p" + i % 2, request, conn)).as("checkout " + i).isEqualTo(1_000_000L * i);
        }
        assertThat(store.size()).isZero();
    }

    @Test
    void columnsTakeTheNarrowestWidthThatHoldsEveryValue() {
        Column c = new Column(8);
        c.set(0, 1_795_791_347_000_000L);
        c.set(1, 1_795_791_347_000_037L);
        assertThat(c.width()).isEqualTo(2);
        c.set(2, 1_795_791_347_000_000L - 40_000);
        assertThat(c.width()).isEqualTo(4);
        c.set(3, Long.MIN_VALUE);
        assertThat(c.width()).isEqualTo(8);
        c.set(4, Long.MAX_VALUE);
        assertThat(c.get(0)).isEqualTo(1_795_791_347_000_000L);
        assertThat(c.get(1)).isEqualTo(1_795_791_347_000_037L);
        assertThat(c.get(2)).isEqualTo(1_795_791_347_000_000L - 40_000);
        assertThat(c.get(3)).isEqualTo(Long.MIN_VALUE);
        assertThat(c.get(4)).isEqualTo(Long.MAX_VALUE);
        Column d = new Column(4);
        d.set(0, Long.MIN_VALUE);
        d.set(1, Long.MAX_VALUE);   // the difference overflows a long: kept whole
        assertThat(d.get(0)).isEqualTo(Long.MIN_VALUE);
        assertThat(d.get(1)).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void theIndexGrowsAndKeepsFindingEverything() {
        int n = 200_000;
        for (int i = 0; i < n; i++) {
            add("p" + i % 7, uuid(i), Long.toString(1_000_000L + i), i);
        }
        assertThat(store.size()).isEqualTo(n);
        for (int i = n - 1; i >= 0; i -= 3) {
            assertThat(close("p" + i % 7, uuid(i), null)).isEqualTo(i);
        }
        for (int i = 0; i < n; i++) {
            if ((n - 1 - i) % 3 != 0) {
                assertThat(close("p" + i % 7, null, Long.toString(1_000_000L + i))).isEqualTo(i);
            }
        }
        assertThat(store.size()).isZero();
    }

    @Test
    void manyCheckoutsOfOneRequestAllFoundLatestFirst() {
        for (int i = 0; i < 5000; i++) {
            add("p", U1, i % 2 == 0 ? null : Integer.toString(i), i);
        }
        assertThat(store.ofRequest("p", U1)).hasSize(5000);
        assertThat(close("p", U1, "2001")).isEqualTo(2001);
        assertThat(close("p", U1, "999999")).as("latest without a connection").isEqualTo(4998);
        for (int i = 4999; i >= 0; i--) {
            if (i != 2001 && i != 4998) {
                assertThat(close("p", U1, null)).isEqualTo(i);
            }
        }
    }

    @Test
    void inOrderIsArrivalOrderWhateverTheSlots() {
        List<Integer> first = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            first.add(add("p", "r" + i, null, i));
        }
        for (int i = 0; i < 10; i += 2) {
            store.remove(first.get(i));
        }
        for (int i = 10; i < 15; i++) {
            add("p", "r" + i, null, i);
        }
        List<Long> times = new ArrayList<>();
        for (int s : store.inOrder()) {
            times.add(store.acquiredAt(s));
        }
        assertThat(times).containsExactly(1L, 3L, 5L, 7L, 9L, 10L, 11L, 12L, 13L, 14L);
    }

    @Test
    void aLaterEndpointAndTheEndOfTheRequestAreRemembered() {
        int s = add("p", U1, "3", 1);
        store.setEndpoint(s, "GET /a");
        store.markEnded(s, 7);
        assertThat(store.endpoint(s)).isEqualTo("GET /a");
        assertThat(store.requestEnded(s)).isTrue();
        assertThat(store.find("p", U1, "3")).isEqualTo(s);
        Checkout c = store.view(s);
        assertThat(c.endpoint).isEqualTo("GET /a");
        assertThat(c.requestId).isEqualTo(U1);
        assertThat(c.connId).isEqualTo("3");
    }

    static String uuid(long i) {
        return String.format("%08x-%04x-4%03x-a%03x-%012x", i, i % 65536, i % 4096, i % 4096, i * 7919);
    }
}
