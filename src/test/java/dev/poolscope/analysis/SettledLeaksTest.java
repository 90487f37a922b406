package dev.poolscope.analysis;

import static dev.poolscope.analysis.Ev.end;
import static dev.poolscope.analysis.Ev.getconn;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * SettledLeaks' rules on a store built by hand (times in microseconds, no clock): a checkout is settled when
 * its request ended more than the grace ago, or when more than {@link SettledLeaks#MAX_ENDED} ends wait; past
 * the open-checkout limit the oldest half by the median goes (older first, then at the median, exactly half);
 * the oldest {@code maxItems} settled are kept in the listing's order (time, process, file, line); the first
 * 2,000 endpoints keep their names; a request is counted once.
 */
class SettledLeaksTest {
    private static final long GRACE = 10;
    private final OpenCheckouts open = new OpenCheckouts();

    private static SettledLeaks settled(int maxItems, long maxOpen) {
        return new SettledLeaks(maxItems, k -> false, maxOpen);
    }

    /** An anonymous checkout on its own connection (indexed by connection only, as a never-returned log's are). */
    private int anonymous(long at, int conn) {
        return open.add("p1", null, Integer.toString(conn), at, null, "t.jsonl", conn);
    }

    /** A checkout of {@code request} that logged its end at {@code endedAt}. */
    private int ended(SettledLeaks leaks, String request, long at, long endedAt) {
        int s = open.add("p1", request, null, at, null, "t.jsonl", 1);
        open.markEnded(s, endedAt);
        leaks.requestEnded(new RequestKey("p1", request), endedAt);
        return s;
    }

    private static List<Long> keptTimes(SettledLeaks leaks) {
        return StreamSupport.stream(leaks.kept().spliterator(), false).map(c -> c.acquiredAt).sorted().toList();
    }

    private List<Long> openTimes() {
        List<Long> out = new ArrayList<>();
        open.forEach(s -> out.add(open.acquiredAt(s)));
        return out;
    }

    @Test
    void aRequestEndedExactlyTheGraceAgoWaitsOneMoreMicrosecondIsSettled() {
        SettledLeaks leaks = settled(10, Long.MAX_VALUE);
        ended(leaks, "r1", 0, 100);
        leaks.settle(open, 100 + GRACE, GRACE);
        assertThat(leaks.checkouts).isZero();
        assertThat(open.size()).isEqualTo(1);
        leaks.settle(open, 100 + GRACE + 1, GRACE);
        assertThat(leaks.checkouts).isEqualTo(1);
        assertThat(leaks.requests).isEqualTo(1);
        assertThat(open.size()).isZero();
        assertThat(leaks.counted(new RequestKey("p1", "r1"))).isTrue();
        assertThat(leaks.counted(new RequestKey("p1", "r2"))).isFalse();
    }

    @Test
    void moreThanMaxEndedWaitingSettlesTheOldestAtOnce() {
        // r0 ended first, then MAX_ENDED - 1 requests without checkouts: MAX_ENDED wait, none settled; one more
        // end makes MAX_ENDED + 1 and r0, the oldest, is settled although its grace has not passed.
        SettledLeaks leaks = settled(10, Long.MAX_VALUE);
        ended(leaks, "r0", 0, 0);
        for (int i = 1; i < SettledLeaks.MAX_ENDED; i++) {
            leaks.requestEnded(new RequestKey("p1", "none" + i), 0);
        }
        leaks.settle(open, 0, GRACE);
        assertThat(leaks.checkouts).isZero();
        leaks.requestEnded(new RequestKey("p1", "last"), 0);
        leaks.settle(open, 0, GRACE);
        assertThat(leaks.checkouts).isEqualTo(1);
        assertThat(open.size()).isZero();
    }

    @Test
    void aRequestWithTwoSettledCheckoutsCountsOnce() {
        SettledLeaks leaks = settled(10, Long.MAX_VALUE);
        ended(leaks, "r1", 0, 5);
        ended(leaks, "r1", 1, 5);   // a second checkout, and the end seen once more: still one request
        leaks.settle(open, 100, GRACE);
        assertThat(leaks.checkouts).isEqualTo(2);
        assertThat(leaks.requests).isEqualTo(1);
    }

    @Test
    void theOldestMaxItemsSettledAreKeptWhateverTheOrderTheyAreSettledIn() {
        // settled at times 30, 10, 20, 5 with room for 2: the kept are the two oldest, 5 and 10
        SettledLeaks leaks = settled(2, Long.MAX_VALUE);
        ended(leaks, "a", 30, 50);
        ended(leaks, "b", 10, 51);
        leaks.settle(open, 100, GRACE);
        assertThat(keptTimes(leaks)).as("room for exactly maxItems").containsExactly(10L, 30L);
        ended(leaks, "c", 20, 52);
        ended(leaks, "d", 5, 53);
        leaks.settle(open, 100, GRACE);
        assertThat(keptTimes(leaks)).containsExactly(5L, 10L);
        assertThat(leaks.checkouts).isEqualTo(4);
    }

    @Test
    void noItemsAskedNoneKeptAllCounted() {
        SettledLeaks leaks = settled(0, Long.MAX_VALUE);
        ended(leaks, "a", 1, 2);
        leaks.settle(open, 100, GRACE);
        assertThat(leaks.kept()).isEmpty();
        assertThat(leaks.checkouts).isEqualTo(1);
    }

    /**
     * A tie in time at the cut is broken as the listing breaks it (LeakItem.OLDEST_FIRST: time, process, file,
     * line), whatever order the requests ended in: a one-pass report lists what a summary's lists. Settling the
     * first by that order first used to keep the second (the heap compared times only).
     */
    @Test
    void tiesAtTheCutKeepTheFirstByProcessFileAndLineInEitherSettlingOrder() {
        for (boolean firstFirst : new boolean[] {true, false}) {
            assertThat(keptOfTwo(firstFirst, "p1", "t.jsonl", 1, "p1", "t.jsonl", 2)).extracting(c -> c.line)
                    .as("by line").containsExactly(1L);
            assertThat(keptOfTwo(firstFirst, "p1", "a.jsonl", 9, "p1", "b.jsonl", 1)).extracting(c -> c.source)
                    .as("by file").containsExactly("a.jsonl");
            assertThat(keptOfTwo(firstFirst, "p1", "b.jsonl", 9, "p2", "a.jsonl", 1)).extracting(c -> c.process)
                    .as("by process").containsExactly("p1");
        }
    }

    @Test
    void aOnePassReportListsAtTheCutWhatASummaryLists() {
        // A and B both taken at 0 s, lines 1 and 2; their requests end at 1 and 2 s; the checkout at 100 s settles
        // A then B (one pass). With room for one item the listing's order keeps A (same time, earlier line).
        AnalysisOptions one = new AnalysisOptions(Duration.ofSeconds(60), Duration.ofSeconds(60), Duration.ofSeconds(5),
                1, Thresholds.defaults());
        Ev[] log = {getconn(0).req("r1").conn("A"), getconn(0).req("r2").conn("B"), end(1).req("r1"), end(2).req("r2"),
            getconn(100).req("r3").conn("C")};
        CheckoutResult onePass = Ev.analyze(one, log).checkouts();
        assertThat(onePass.leakedCheckouts()).isEqualTo(2);
        assertThat(onePass.leaks()).extracting(LeakItem::connId).containsExactly("A");
        assertThat(Ev.summarize(one, log).finish().diagnosis().checkouts().leaks()).extracting(LeakItem::connId)
                .containsExactly("A");
    }

    /** What a room for one keeps of two checkouts at the same time, the first (by the listing) settled first or last. */
    private Iterable<Checkout> keptOfTwo(boolean firstFirst, String process1, String file1, long line1,
                                         String process2, String file2, long line2) {
        SettledLeaks leaks = settled(1, Long.MAX_VALUE);
        int first = open.add(process1, "first", null, 7, null, file1, line1);
        int second = open.add(process2, "second", null, 7, null, file2, line2);
        if (firstFirst) {
            settleInTurn(leaks, first, second);
        } else {
            settleInTurn(leaks, second, first);
        }
        return leaks.kept();
    }

    /** Settles the checkouts one after the other, each by its request's end. */
    private void settleInTurn(SettledLeaks leaks, int... slots) {
        long now = 1_000;
        for (int s : slots) {
            open.markEnded(s, now);
            leaks.requestEnded(new RequestKey(open.process(s), open.requestId(s)), now);
            now += 1_000;
            leaks.settle(open, now, GRACE);
        }
        assertThat(leaks.checkouts).isEqualTo(slots.length);
    }

    @Test
    void theFirst2000EndpointsKeepTheirNamesTheRestShareOne() {
        SettledLeaks leaks = settled(1, Long.MAX_VALUE);
        List<Integer> slots = new ArrayList<>();
        for (int i = 0; i < Endpoint.MAX_DISTINCT; i++) {
            slots.add(open.add("p1", "r" + i, null, i, "GET /e" + i, "t.jsonl", i));
        }
        slots.add(open.add("p1", "late", null, 5_000, "GET /late", "t.jsonl", 5_000));   // the 2,001st name
        slots.add(open.add("p1", "again", null, 5_001, "GET /e0", "t.jsonl", 5_001));    // a known one, after the cap
        settleInTurn(leaks, slots.stream().mapToInt(Integer::intValue).toArray());
        assertThat(leaks.byEndpoint()).hasSize(Endpoint.MAX_DISTINCT + 1);
        assertThat(leaks.byEndpoint().get("GET /e" + (Endpoint.MAX_DISTINCT - 1))).isEqualTo(1);
        assertThat(leaks.byEndpoint().get(Endpoint.OTHER)).isEqualTo(1);
        assertThat(leaks.byEndpoint().get("GET /e0")).isEqualTo(2);
        assertThat(leaks.byEndpoint()).doesNotContainKey("GET /late");
    }

    @Test
    void pastTheLimitTheMedianIsTakenFromSortedTimesNotArrivalOrder() {
        // arrivals at 50, 30, 10, 40, 20 with room for 4: half of 5 is 2; sorted 10 20 30 40 50, median 30, so
        // 10 and 20 go. (Unsorted, the middle arrival, 10, would be taken as the median.)
        SettledLeaks leaks = settled(10, 4);
        long[] times = {50, 30, 10, 40, 20};
        for (int i = 0; i < times.length; i++) {
            anonymous(times[i], i);
        }
        leaks.settle(open, 60, GRACE);
        assertThat(leaks.byLimit).isEqualTo(2);
        assertThat(keptTimes(leaks)).containsExactly(10L, 20L);
        assertThat(openTimes()).containsExactly(50L, 30L, 40L);
    }

    @Test
    void olderThanTheMedianGoFirstThenAtTheMedianInArrivalOrder() {
        // arrivals 2, 2, 1, 3, 3, room for 4: half is 2, median 2; the one at 1 goes first, then the first at 2
        SettledLeaks leaks = settled(10, 4);
        long[] times = {2, 2, 1, 3, 3};
        int[] slots = new int[times.length];
        for (int i = 0; i < times.length; i++) {
            slots[i] = anonymous(times[i], i);
        }
        leaks.settle(open, 60, GRACE);
        assertThat(leaks.byLimit).isEqualTo(2);
        assertThat(open.slots()).containsExactly(slots[1], slots[3], slots[4]);
    }

    @Test
    void exactlyHalfGoEvenWhenTheSampledMedianLeavesMoreThanHalfBelowIt() {
        // 98,304 open, room for one less: half is 49,152. The sample is the first 65,536 arrivals (step 1), at
        // times 1..65,536, median 32,769; the last 32,768 arrivals are at time 0. Below the median are 32,768 + 32,768:
        // in arrival order the first 32,768 go, then 16,384 of those at 0, and no more.
        int sample = 1 << 16;
        int n = sample + sample / 2;
        for (int i = 0; i < n; i++) {
            anonymous(i < sample ? i + 1 : 0, i);
        }
        SettledLeaks leaks = settled(1, n - 1);
        leaks.settle(open, n + 1, GRACE);
        assertThat(leaks.byLimit).isEqualTo(n / 2);
        assertThat(open.size()).isEqualTo(n / 2);
        List<Long> left = openTimes();
        assertThat(left.get(0)).isEqualTo(sample / 2 + 1);
        assertThat(left.stream().filter(t -> t == 0).count()).isEqualTo(sample / 4);
    }
}
