package dev.poolscope.analysis;

import static dev.poolscope.analysis.HikariStates.P;
import static dev.poolscope.analysis.HikariStates.sec;
import static dev.poolscope.analysis.HikariStates.unleaked;
import static dev.poolscope.analysis.HikariStates.warning;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.poolscope.event.PoolEvent;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link HikariMerge#finish}, rule by rule: the library result's leak figures from a HikariCP state built by hand.
 * Expected figures are worked out from the states built here.
 */
class HikariFinishTest {
    private static final int MAX = 10;

    private static HikariLeaks.Builder finish(HikariState s, long lastTime, int maxItems) {
        HikariLeaks.Builder b = new HikariLeaks.Builder();
        HikariMerge.finish(s, lastTime, maxItems, null, b);
        return b;
    }

    private static LeakWarning at(String connection, long warnedAt, String source, long line) {
        return warning(P, connection, "http-1", warnedAt, 30_000, "r-" + connection,
                List.of(HikariStates.ORDERS), source, line, List.of());
    }

    /** Four open warnings, listed out of order: borrowed (warning less 30 s) at 270, 100, 270 and 270 s. */
    private static HikariState fourOpen() {
        HikariStates s = new HikariStates();
        s.open.add(at("A", sec(300), "b.log", 5));
        s.open.add(at("B", sec(130), "c.log", 50));
        s.open.add(at("C", sec(300), "a.log", 9));
        s.open.add(at("D", sec(300), "a.log", 2));
        return s.build();
    }

    @Test
    void leaksAreOrderedByBorrowThenFileThenLineAndAgedToTheLastTime() {
        // rule: oldest borrow first (B, 100 s), then by file and line (D a.log:2, C a.log:9, A b.log:5); age is the
        // last time (1000 s) less the borrow: 900 s, then 730 s
        HikariLeaks.Builder b = finish(fourOpen(), sec(1000), MAX);
        assertThat(b.trueLeaks).extracting(LeakItem::connId).containsExactly("B", "D", "C", "A");
        assertThat(b.trueLeaks).extracting(LeakItem::acquiredAt).containsExactly(sec(100), sec(270), sec(270), sec(270));
        assertThat(b.trueLeaks).extracting(LeakItem::ageMicros).containsExactly(sec(900), sec(730), sec(730), sec(730));
        assertThat(b.trueLeaks).extracting(LeakItem::requestEnded).containsOnly(true);
    }

    @Test
    void listedLeaksAreCappedAtMaxItemsButAllCount() {
        // rule: the first maxItems (2) of the order above are listed; the count is all four
        HikariLeaks.Builder b = finish(fourOpen(), sec(1000), 2);
        assertThat(b.trueLeaks).extracting(LeakItem::connId).containsExactly("B", "D");
        assertThat(b.trueLeakCount).isEqualTo(4);
    }

    @Test
    void anAgeIsUnknownWhenTheBorrowOrTheLastTimeIs() {
        // rule: a warning with no time (no borrow time) or a log with no last time gives no age, never a made-up one
        HikariStates s = new HikariStates();
        s.open.add(at("N", PoolEvent.NO_TIME, "a.log", 1));
        s.open.add(at("T", sec(300), "a.log", 2));
        HikariLeaks.Builder known = finish(s.build(), sec(1000), MAX);
        assertThat(known.trueLeaks).extracting(LeakItem::connId, LeakItem::ageMicros).containsExactly(
                tuple("N", LeakItem.UNKNOWN_AGE),
                tuple("T", sec(730)));
        HikariLeaks.Builder noLast = finish(s.build(), PoolEvent.NO_TIME, MAX);
        assertThat(noLast.trueLeaks).extracting(LeakItem::ageMicros).containsOnly(LeakItem.UNKNOWN_AGE);
    }

    @Test
    void leakCountsAddTheWarningsNotKept() {
        // rule: count = open (4) + overflow (2) = 6; requests = distinct (process, request) pairs (p1/r1 twice and
        // p2/r1: 2) + warnings with no request (1) + overflow (2) = 5
        HikariStates s = new HikariStates();
        s.overflow = 2;
        s.open.add(warning("p1", "A", "t", sec(100), 30_000, "r1", List.of(), "a.log", 1, List.of()));
        s.open.add(warning("p1", "B", "t", sec(110), 30_000, "r1", List.of(), "a.log", 2, List.of()));
        s.open.add(warning("p1", "C", "t", sec(120), 30_000, null, List.of(), "a.log", 3, List.of()));
        s.open.add(warning("p2", "D", "t", sec(130), 30_000, "r1", List.of(), "a.log", 4, List.of()));
        HikariLeaks.Builder b = finish(s.build(), sec(1000), MAX);
        assertThat(b.trueLeakCount).isEqualTo(6);
        assertThat(b.trueLeakRequests).isEqualTo(5);
    }

    @Test
    void originsAreRankedByCountThenName() {
        // rule: each open leak's origin (its first frame: no helper is known) counted, most first, ties by name;
        // a trace without application frames counts as "(no application frame)", which sorts before "com."
        String zeta = "com.acme.Zeta.run(Zeta.java:1)";
        String alpha = "com.acme.Alpha.run(Alpha.java:1)";
        String mid = "com.acme.Mid.run(Mid.java:1)";
        HikariStates s = new HikariStates();
        int line = 0;
        for (List<String> frames : List.of(List.of(mid), List.of(zeta), List.<String>of(), List.of(alpha), List.of(zeta))) {
            s.open.add(warning(P, "c" + line, "t", sec(100 + line), 30_000, "r", frames, "a.log", line, List.of()));
            line++;
        }
        HikariLeaks.Builder b = finish(s.build(), sec(1000), MAX);
        assertThat(b.byOrigin).containsExactly(Map.entry(zeta, 2L), Map.entry("(no application frame)", 1L),
                Map.entry(alpha, 1L), Map.entry(mid, 1L));
    }

    @Test
    void countsAndReturnedLinesAreCopied() {
        // rule: suspected and returned-late as counted; each listed return an item aged from its warning's borrow
        // (120 s - (100 s - 30 s) = 50 s) with its own request
        HikariStates s = new HikariStates();
        s.suspected = 3;
        s.returnedLate = 1;
        s.returned.add(unleaked("A", sec(120), "r9").withWarning(warning("A", "http-1", sec(100), 30_000, "r1")));
        HikariLeaks.Builder b = finish(s.build(), sec(1000), MAX);
        assertThat(b.suspected).isEqualTo(3);
        assertThat(b.returnedLate).isEqualTo(1);
        assertThat(b.returned).extracting(LeakItem::connId, LeakItem::requestId, LeakItem::ageMicros, LeakItem::requestEnded)
                .containsExactly(tuple("A", "r9", sec(50), false));
    }

    @Test
    void notesSayWhatWasAssumedOrApproximated() {
        // rule: one note each for guessed thresholds, unattributed warnings, and bounds (dropped or overflow)
        HikariStates s = new HikariStates();
        s.guessed = 2;
        s.unattributed = 3;
        s.dropped = 4;
        s.overflow = 1;
        assertThat(finish(s.build(), sec(1000), MAX).notes).containsExactly(
                "2 leak warnings with no leakDetectionThreshold in the log (no HikariCP configuration dump at DEBUG):"
                        + " borrow times assume HikariCP's minimum, 2000 ms, so their requests may be wrong",
                "3 leak warnings name a borrowing thread with no request logged before the borrow: their request is"
                        + " unknown",
                "memory bounds reached (4 thread history entries, 1 open warnings not kept): some leak requests may be"
                        + " approximate");
        HikariStates overflowOnly = new HikariStates();
        overflowOnly.overflow = 1;
        assertThat(finish(overflowOnly.build(), sec(1000), MAX).notes).hasSize(1);
        assertThat(finish(new HikariStates().build(), sec(1000), MAX).notes).isEmpty();
    }
}
