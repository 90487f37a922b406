package dev.poolscope.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * OpenLeaks' rules on a store built by hand (times in microseconds, grace 10): a leak is an open checkout whose
 * request ended or older than the grace (exactly the grace is in flight); every leak is listed oldest first
 * (time, process, file, line); a leaked request counts once, and not again when some of its leaks were settled
 * and counted early; what a process holds at exhaustion adds every settled leak (docs/metrics.md, findings.md).
 */
class OpenLeaksTest {
    private static final long GRACE = 10;
    private final OpenCheckouts open = new OpenCheckouts();

    private int add(String process, String request, String conn, long at) {
        return open.add(process, request, conn, at, null, "t.jsonl", at);
    }

    @Test
    void everyLeakIsListedOldestFirstWhateverTheArrivalOrder() {
        add("p1", "r1", "A", 20);
        add("p1", "r2", "B", 10);
        add("p2", "r3", "C", 5);
        add("p1", "r4", "D", 5);    // same time as C: process p1 before p2
        add("p1", "r5", "E", 90);   // exactly the grace old at 100: in flight
        assertThat(new OpenLeaks(open, GRACE, null).all(100)).extracting(LeakItem::connId)
                .containsExactly("D", "C", "B", "A");
    }

    @Test
    void aRequestWithSeveralLeaksCountsOnce() {
        // r1 leaks two checkouts (by age), r2 one: 3 leaks, 2 requests
        add("p1", "r1", "A", 0);
        add("p1", "r1", "B", 1);
        add("p1", "r2", "C", 2);
        OpenLeaks.Tally t = new OpenLeaks(open, GRACE, null).tally(10, 100);
        assertThat(t.leaks().count()).isEqualTo(3);
        assertThat(t.requests()).isEqualTo(2);
    }

    @Test
    void aRequestCountedWhenSomeOfItsLeaksWereSettledIsNotCountedAgain() {
        // r1's A ended at 5 and is settled at 16 (11 > 10 after its end); r1's B (not ended) and r2's C are left,
        // both older than the grace at 100. r1 was counted when A was settled, so the end counts r2 only.
        SettledLeaks settled = new SettledLeaks(10, k -> false, Long.MAX_VALUE);
        int a = add("p1", "r1", "A", 0);
        open.markEnded(a, 5);
        settled.requestEnded(new RequestKey("p1", "r1"), 5);
        add("p1", "r1", "B", 1);
        add("p1", "r2", "C", 2);
        settled.settle(open, 16, GRACE);
        assertThat(settled.checkouts).isEqualTo(1);
        assertThat(settled.requests).isEqualTo(1);
        OpenLeaks.Tally t = new OpenLeaks(open, GRACE, settled).tally(10, 100);
        assertThat(t.leaks().count()).isEqualTo(2);
        assertThat(t.requests()).isEqualTo(1);
        assertThat(new OpenLeaks(open, GRACE, null).tally(10, 100).requests()).as("nothing settled").isEqualTo(2);
    }

    /**
     * docs/metrics.md: requests_without_close counts distinct requests with a leak, those settled early included.
     * r1's only leak is settled early (counted then); r2 still leaks at the end and was never counted, so the end
     * counts it: 1 settled + 1 at the end = 2 requests.
     */
    @Test
    void aRequestStillLeakingAtTheEndCountsWhenAnotherRequestsLeakWasSettledEarly() {
        SettledLeaks settled = new SettledLeaks(10, k -> false, Long.MAX_VALUE);
        int a = add("p1", "r1", "A", 0);
        open.markEnded(a, 5);
        settled.requestEnded(new RequestKey("p1", "r1"), 5);
        add("p1", "r2", "C", 2);
        settled.settle(open, 16, GRACE);
        assertThat(settled.requests).isEqualTo(1);
        OpenLeaks.Tally t = new OpenLeaks(open, GRACE, settled).tally(10, 100);
        assertThat(t.leaks().count()).isEqualTo(1);
        assertThat(t.requests()).isEqualTo(1);
        assertThat(settled.requests + t.requests()).isEqualTo(2);
    }

    /**
     * docs/report-schema.md: leaks.by_endpoint lists leaks per endpoint. An endpoint whose only open checkout is in flight
     * (younger than the grace, request not ended) counts that checkout but gets no leak entry, not even a 0.
     */
    @Test
    void anEndpointWithOnlyCheckoutsInFlightHasNoLeakEntry() {
        add("p1", "r1", "A", 95);   // 5 old at 100, grace 10: in flight
        OpenLeaks.Tally t = new OpenLeaks(open, GRACE, null).tally(10, 100);
        java.util.Map<String, Long> leaks = new java.util.HashMap<>();
        java.util.Map<String, EndpointHolds> checkouts = new java.util.HashMap<>();
        t.addByEndpoint(open, leaks, checkouts);
        assertThat(leaks).isEmpty();
        assertThat(checkouts).hasSize(1);
        assertThat(checkouts.values().iterator().next().checkouts).isEqualTo(1);
    }

    @Test
    void whatAProcessHoldsAddsEverySettledLeak() {
        // p1 at 100: A (at 0, old), B (at 90, exactly the grace: not old), C (at 95, its request ended): 3 open,
        // 2 never returned; p2's D: not p1's. Two settled leaks (of p3) count as open and never returned.
        SettledLeaks settled = new SettledLeaks(10, k -> false, Long.MAX_VALUE);
        for (int i = 0; i < 2; i++) {
            int s = add("p3", "s1", "S" + i, 0);
            open.markEnded(s, 0);
        }
        settled.requestEnded(new RequestKey("p3", "s1"), 0);
        settled.settle(open, 50, GRACE);
        assertThat(settled.checkouts).isEqualTo(2);
        add("p1", "r1", "A", 0);
        add("p1", "r2", "B", 90);
        int c = add("p1", "r3", "C", 95);
        open.markEnded(c, 96);
        add("p2", "r4", "D", 0);
        assertThat(new OpenLeaks(open, GRACE, null).heldBy("p1", 100)).containsExactly(3, 2);
        assertThat(new OpenLeaks(open, GRACE, settled).heldBy("p1", 100)).containsExactly(3 + 2, 2 + 2);
    }
}
