package dev.poolscope.analysis;

import static dev.poolscope.analysis.HikariStates.first;
import static dev.poolscope.analysis.HikariStates.key;
import static dev.poolscope.analysis.HikariStates.sec;
import static dev.poolscope.analysis.HikariStates.unleaked;
import static dev.poolscope.analysis.HikariStates.warning;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link HikariMerge#merge}, rule by rule (docs/summaries.md): an earlier summary's state {@code e} continued with
 * a later one's {@code l}, both built by hand. Expected figures are worked out from the states built here.
 */
class HikariMergeTest {
    private static final int MAX = 10;

    @Test
    void countsAreSummed() {
        // rule: suspected, returned late, overflow, guessed, unattributed and dropped add up (no pending warning
        // here, so no recount): 3+5, 1+2, 2+1, 2+3, 1+4, 4+6
        HikariStates e = new HikariStates();
        e.suspected = 3;
        e.returnedLate = 1;
        e.overflow = 2;
        e.guessed = 2;
        e.unattributed = 1;
        e.dropped = 4;
        HikariStates l = new HikariStates();
        l.suspected = 5;
        l.returnedLate = 2;
        l.overflow = 1;
        l.guessed = 3;
        l.unattributed = 4;
        l.dropped = 6;
        HikariState m = HikariMerge.merge(e.build(), l.build(), MAX);
        assertThat(List.of(m.suspected(), m.returnedLate(), m.overflow(), m.guessed(), m.unattributed(), m.dropped()))
                .containsExactly(8L, 3L, 3L, 5L, 5L, 10L);
    }

    @Test
    void theLaterThresholdWinsOnlyWhenPositive() {
        // rule: the later summary's leakDetectionThreshold if it knew one (> 0), else the earlier one's; -1 is
        // "none in the log" and 0 (which a .psum may carry) is HikariCP's "disabled": neither is a threshold
        assertThat(mergedThreshold(30_000, 60_000)).isEqualTo(60_000);
        assertThat(mergedThreshold(30_000, -1)).isEqualTo(30_000);
        assertThat(mergedThreshold(30_000, 0)).isEqualTo(30_000);
    }

    private static long mergedThreshold(long earlier, long later) {
        HikariStates e = new HikariStates();
        e.threshold = earlier;
        HikariStates l = new HikariStates();
        l.threshold = later;
        return HikariMerge.merge(e.build(), l.build(), MAX).thresholdMs();
    }

    @Test
    void aLaterUnleakedLineReturnsTheEarlierOpenWarning() {
        // rule: the later summary's first event on A is an "unleaked" line (listed at index 0): it closes the
        // earlier open warning and, as in one pass, names it
        LeakWarning wA = warning("A", "http-1", sec(100), 30_000, "r1");
        HikariStates e = new HikariStates();
        e.open.add(wA);
        HikariStates l = new HikariStates();
        l.returned.add(unleaked("A", sec(120), "r9"));
        l.firsts.add(first("A", true, 0));
        HikariState m = HikariMerge.merge(e.build(), l.build(), MAX);
        assertThat(m.open()).isEmpty();
        assertThat(m.returned()).hasSize(1);
        assertThat(m.returned().get(0).warning()).isEqualTo(wA);
        assertThat(m.returned().get(0).requestId()).isEqualTo("r9");
    }

    @Test
    void aLaterWarningReplacesTheEarlierOpenOne() {
        // rule: the later first event on A is a warning: A is still open, as the later warning (one per connection)
        LeakWarning earlier = warning("A", "http-1", sec(100), 30_000, "r1");
        LeakWarning later = warning("A", "http-3", sec(200), 30_000, "r2");
        HikariStates e = new HikariStates();
        e.open.add(earlier);
        HikariStates l = new HikariStates();
        l.open.add(later);
        l.firsts.add(first("A", false, -1));
        assertThat(HikariMerge.merge(e.build(), l.build(), MAX).open()).containsExactly(later);
    }

    @Test
    void aReturnNotListedClosesTheWarningButNamesNothing() {
        // rule: an "unleaked" line beyond the later summary's cap (index -1), or with an index past its list (a
        // hostile .psum), still closes the earlier warning; no listed return is given it
        for (int index : new int[] {-1, 1}) {
            HikariStates e = new HikariStates();
            e.open.add(warning("A", "http-1", sec(100), 30_000, "r1"));
            HikariStates l = new HikariStates();
            l.returned.add(unleaked("B", sec(110), "r5"));
            l.firsts.add(first("B", true, 0));
            l.firsts.add(first("A", true, index));
            HikariState m = HikariMerge.merge(e.build(), l.build(), MAX);
            assertThat(m.open()).isEmpty();
            assertThat(m.returned()).extracting(LeakReturn::warning).containsExactly((LeakWarning) null);
        }
    }

    @Test
    void aLaterReturnOfAConnectionNotOpenEarlierKeepsNoWarning() {
        // rule: only an open warning is named: B was never warned about in the earlier summary
        HikariStates e = new HikariStates();
        e.open.add(warning("A", "http-1", sec(100), 30_000, "r1"));
        HikariStates l = new HikariStates();
        l.returned.add(unleaked("B", sec(110), "r5"));
        l.firsts.add(first("B", true, 0));
        HikariState m = HikariMerge.merge(e.build(), l.build(), MAX);
        assertThat(m.open()).extracting(LeakWarning::connection).containsExactly("A");
        assertThat(m.returned().get(0).warning()).isNull();
    }

    @Test
    void returnedLinesAreCappedAtMaxItems() {
        // rule: the earlier list, then the later one's while fewer than maxItems: 1 earlier + 2 later, cap 2 -> X, B
        HikariStates e = new HikariStates();
        e.returned.add(unleaked("X", sec(50), "r0"));
        HikariStates l = new HikariStates();
        l.returned.add(unleaked("B", sec(110), "r5"));
        l.returned.add(unleaked("C", sec(120), "r6"));
        HikariState m = HikariMerge.merge(e.build(), l.build(), 2);
        assertThat(m.returned()).extracting(LeakReturn::connection).containsExactly("X", "B");
    }

    @Test
    void theEarlierFirstEventPerConnectionWinsAndLaterIndexesShift() {
        // rule: a connection's first event is the earlier summary's (A: its warning), else the later one's, whose
        // index in the merged returned list moves past the earlier summary's listed returns (1): B 0 -> 1, C 1 -> 2;
        // one beyond the cap (D, -1) stays -1
        HikariStates e = new HikariStates();
        e.returned.add(unleaked("X", sec(50), "r0"));
        e.firsts.add(first("X", true, 0));
        e.firsts.add(first("A", false, -1));
        HikariStates l = new HikariStates();
        l.returned.add(unleaked("B", sec(110), "r5"));
        l.returned.add(unleaked("C", sec(120), "r6"));
        l.returned.add(unleaked("A", sec(130), "r4"));
        l.firsts.add(first("B", true, 0));
        l.firsts.add(first("C", true, 1));
        l.firsts.add(first("A", true, 2));
        l.firsts.add(first("D", true, -1));
        HikariState m = HikariMerge.merge(e.build(), l.build(), MAX);
        assertThat(m.firsts()).containsExactly(first("X", true, 0), first("A", false, -1), first("B", true, 1),
                first("C", true, 2), first("D", true, -1));
    }

    @Test
    void aShiftedIndexLetsAnEvenEarlierSummaryNameTheRightReturn() {
        // rule, end to end: a (B warned, still open), b (C returned), c (B returned). b+c lists C then B, so B's
        // first event points at index 1; a+(b+c) names a's warning on B's return, not on C's
        LeakWarning wB = warning("B", "http-1", sec(10), 30_000, "r1");
        HikariStates a = new HikariStates();
        a.open.add(wB);
        HikariStates b = new HikariStates();
        b.returned.add(unleaked("C", sec(20), "r2"));
        b.firsts.add(first("C", true, 0));
        HikariStates c = new HikariStates();
        c.returned.add(unleaked("B", sec(30), "r3"));
        c.firsts.add(first("B", true, 0));
        HikariState bc = HikariMerge.merge(b.build(), c.build(), MAX);
        HikariState all = HikariMerge.merge(a.build(), bc, MAX);
        assertThat(all.open()).isEmpty();
        assertThat(all.returned()).extracting(LeakReturn::connection).containsExactly("C", "B");
        assertThat(all.returned().get(0).warning()).isNull();
        assertThat(all.returned().get(1).warning()).isEqualTo(wB);
    }

    @Test
    void firstEventsStopAtMaxOpenConnections() {
        // rule: at most HikariLeaks.MAX_OPEN connections keep a first event: the earlier summary has them all,
        // so the later one's new connection is not added
        HikariStates e = new HikariStates();
        for (int i = 0; i < HikariLeaks.MAX_OPEN; i++) {
            e.firsts.add(first("c" + i, false, -1));
        }
        HikariStates l = new HikariStates();
        l.firsts.add(first("new", false, -1));
        HikariState m = HikariMerge.merge(e.build(), l.build(), MAX);
        assertThat(m.firsts()).hasSize(HikariLeaks.MAX_OPEN).doesNotContain(first("new", false, -1));
    }

    @Test
    void threadTailsAreJoinedAndTheOldestThreadsDropped() {
        // rule: a thread's later steps follow its earlier ones; beyond ThreadRequests.THREADS threads the ones
        // whose last step is oldest go, ties by name (deterministic): THREADS earlier threads, three of them
        // (old-b, old-m, old-x) oldest at 0 s, and two new later ones drop old-m and old-x
        HikariStates e = new HikariStates();
        for (int i = 0; i < ThreadRequests.THREADS - 3; i++) {
            e.tail.put(key("t" + i), List.of(new ThreadStep(sec(1 + i), "q" + i, null)));
        }
        for (String name : List.of("old-x", "old-b", "old-m")) {
            e.tail.put(key(name), List.of(new ThreadStep(0, "q", null)));
        }
        HikariStates l = new HikariStates();
        l.tail.put(key("t1"), List.of(new ThreadStep(sec(50_000), "r1", "/orders")));
        l.tail.put(key("late1"), List.of(new ThreadStep(sec(60_000), "r2", null)));
        l.tail.put(key("late2"), List.of(new ThreadStep(sec(60_000), "r3", null)));
        HikariState m = HikariMerge.merge(e.build(), l.build(), MAX);
        assertThat(m.tail()).hasSize(ThreadRequests.THREADS).containsKeys(key("old-b"), key("late1"), key("late2"))
                .doesNotContainKeys(key("old-m"), key("old-x"));
        assertThat(m.tail().get(key("t1"))).containsExactly(new ThreadStep(sec(2), "q1", null),
                new ThreadStep(sec(50_000), "r1", "/orders"));
    }

    @Test
    void aLaterWarningWithoutThresholdTakesTheEarlierOneAndIsNoLongerGuessed() {
        // rule: a later warning that assumed HikariCP's minimum (-1: no threshold in its summary; 0: as a .psum may
        // carry) is attributed again with the earlier threshold, 30 s, and stops counting as guessed (1 - 1 = 0).
        // Borrowed at 100 s - 30 s = 70 s, its thread T1 was serving r1 (from 50 s, earlier tail) not r2 (from
        // 80 s, its own history, which the minimum's 98 s had found)
        for (long own : new long[] {-1, 0}) {
            HikariStates e = new HikariStates();
            e.threshold = 30_000;
            e.tail.put(key("T1"), List.of(new ThreadStep(sec(50), "r1", "/orders")));
            HikariStates l = new HikariStates();
            l.guessed = 1;
            l.open.add(HikariStates.warning(HikariStates.P, "A", "T1", sec(100), own, "r2",
                    List.of(HikariStates.ORDERS), "a.log", 1, List.of(new ThreadStep(sec(80), "r2", null))));
            HikariState m = HikariMerge.merge(e.build(), l.build(), MAX);
            assertThat(m.guessed()).isZero();
            assertThat(m.unattributed()).isZero();
            assertThat(m.open()).containsExactly(new LeakWarning(HikariStates.P, "A", "T1", sec(100), 30_000, "r1",
                    "/orders", List.of(HikariStates.ORDERS), "a.log", 1, List.of()));
        }
    }

    @Test
    void aLaterWarningWithNoRequestFindsItInTheEarlierThreadTail() {
        // rule: a later warning with its own threshold (30 s) but no request before its borrow (70 s) in its
        // summary takes it from the earlier tail (r1 from 50 s): unattributed 1 + (0 found - 1 was) = 0; it was
        // never guessed, so guessed stays 0
        HikariStates e = new HikariStates();
        e.tail.put(key("T1"), List.of(new ThreadStep(sec(50), "r1", null)));
        HikariStates l = new HikariStates();
        l.threshold = 30_000;
        l.unattributed = 1;
        l.open.add(warning("A", "T1", sec(100), 30_000, null));
        HikariState m = HikariMerge.merge(e.build(), l.build(), MAX);
        assertThat(m.guessed()).isZero();
        assertThat(m.unattributed()).isZero();
        assertThat(m.open()).extracting(LeakWarning::thresholdMs, LeakWarning::requestId)
                .containsExactly(tuple(30_000L, "r1"));
    }

    @Test
    void aLaterWarningTheEarlierSummaryCannotHelpStaysGuessedAndUnattributed() {
        // rule: no earlier threshold (-1, or 0 as a .psum may carry) and no earlier history of T1: guessed stays
        // 1 (the threshold is still not > 0) and unattributed 1 + (1 not found - 1 was) = 1
        for (long earlier : new long[] {-1, 0}) {
            HikariStates e = new HikariStates();
            e.threshold = earlier;
            HikariStates l = new HikariStates();
            l.guessed = 1;
            l.unattributed = 1;
            l.open.add(warning("A", "T1", sec(100), -1, null));
            HikariState m = HikariMerge.merge(e.build(), l.build(), MAX);
            assertThat(m.guessed()).isEqualTo(1);
            assertThat(m.unattributed()).isEqualTo(1);
            assertThat(m.open()).extracting(LeakWarning::requestId).containsExactly((String) null);
        }
    }
}
