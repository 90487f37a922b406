package dev.poolscope.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.poolscope.event.EventKind;
import dev.poolscope.event.PoolEvent;
import dev.poolscope.event.PoolNote;
import dev.poolscope.event.PoolNote.Kind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link HikariLeaks}, rule by rule (docs/dialects.md, HikariCP leak detection; docs/summaries.md, what a summary
 * carries): which lines teach a thread's request, the look-back horizon, the counts of warnings, the first event
 * per connection and the caps. Times are plain microseconds from 0; every expectation is read off the lines fed.
 */
class HikariLeaksTest {
    private static final String P = "web-1/4242";
    private static final String HOUSEKEEPER = "HikariPool-1 housekeeper";
    private static final String ORDERS = "com.acme.Orders.load(Orders.java:10)";
    private static final String USERS = "com.acme.Users.find(Users.java:44)";

    private long line;

    private static long sec(long s) {
        return s * 1_000_000L;
    }

    private PoolEvent ev(long time, String requestId, PoolNote note) {
        return new PoolEvent(EventKind.OTHER, time, P, requestId, note.connection(), PoolEvent.NO_COUNT,
                PoolEvent.NO_COUNT, null, false, false, "a.log", ++line, null, null, null, null, note);
    }

    /** An application line of {@code thread} serving {@code requestId}. */
    private PoolEvent app(long time, String thread, String requestId) {
        return ev(time, requestId, PoolNote.line(thread));
    }

    /** "Connection leak detection triggered for {connection} on thread {borrower}", logged by the housekeeper. */
    private PoolEvent leak(long time, String connection, String borrower, List<String> frames) {
        return ev(time, null, new PoolNote("hikaricp", Kind.LEAK_SUSPECTED, HOUSEKEEPER, connection, borrower, null,
                frames, PoolEvent.NO_COUNT));
    }

    /** "Previously reported leaked connection {connection} ... (unleaked)", logged by the returning thread. */
    private PoolEvent unleaked(long time, String connection, String borrower) {
        return ev(time, "r-back", new PoolNote("hikaricp", Kind.LEAK_RETURNED, borrower, connection, borrower, null,
                null, PoolEvent.NO_COUNT));
    }

    private static void feed(HikariLeaks h, PoolEvent e) {
        switch (e.note().kind()) {
            case LEAK_SUSPECTED -> h.suspected(e, e.note());
            case LEAK_RETURNED -> h.returned(e, e.note());
            default -> h.line(e, e.note());
        }
    }

    @Test
    void onlyAPositiveLeakDetectionThresholdIsTaken() {
        // rule: HikariCP's 0 means "off", and is no threshold to date a borrow by; -1 stays "none given"
        HikariLeaks h = new HikariLeaks(10, null, false);
        h.threshold(0);
        assertThat(h.state().thresholdMs()).isEqualTo(-1);
        h.threshold(30_000);
        h.threshold(0);
        assertThat(h.state().thresholdMs()).isEqualTo(30_000);
    }

    @Test
    void onlyALineWithThreadRequestAndTimeTeachesAThreadsRequest() {
        // rule: a line without a thread, without a request id or without a time says nothing about which request
        // a thread serves; the summary's tail (per thread its last changes) therefore stays empty until the last line
        HikariLeaks h = new HikariLeaks(10, null, true);
        h.line(app(sec(1), null, "r1"), PoolNote.line(null));
        h.line(app(PoolEvent.NO_TIME, "T", "r2"), PoolNote.line("T"));
        h.line(app(sec(2), "T", null), PoolNote.line("T"));
        assertThat(h.state().tail()).isEmpty();
        h.line(app(sec(3), "T", "r3"), PoolNote.line("T"));
        assertThat(h.state().tail()).isEqualTo(Map.of(HikariLeaks.key(P, "T"), List.of(new ThreadStep(sec(3), "r3", null))));
    }

    @Test
    void theLookBackIsTheLongerOfThresholdAndFiveMinutesPlusOneMinute() {
        // rule: a thread's request changes are kept for (max(threshold, 5 min) + 1 min) = 360 s here (threshold
        // 298 s). At r3 (300 s) nothing newer than 300 - 360 = -60 s is dropped, so r1 (0 s, superseded at 10 s)
        // is kept; the warning at 305 s dates the borrow 305 - 298 = 7 s, when T served r1
        HikariLeaks h = new HikariLeaks(10, null, false);
        h.threshold(298_000);
        feed(h, app(0, "T", "r1"));
        feed(h, app(sec(10), "T", "r2"));
        feed(h, app(sec(300), "T", "r3"));
        feed(h, leak(sec(305), "conn-1", "T", List.of(ORDERS)));
        HikariState s = h.state();
        assertThat(s.open()).extracting(LeakWarning::requestId).containsExactly("r1");
        assertThat(s.unattributed()).isZero();
        assertThat(s.guessed()).isZero();
    }

    @Test
    void warningsAreCountedWithTheGuessedAndTheUnattributed() {
        // rule: every warning counts; one made before any threshold is known assumes HikariCP's minimum (2 s) and
        // counts as guessed; one whose thread had no request at the borrow counts as unattributed.
        // A on T at 5 s: borrowed at 3 s, T served r1 (from 0 s): guessed. B on U at 6 s: U never logged: guessed,
        // unattributed. Then threshold 10 s; C on T at 20 s: borrowed at 10 s, r1: neither.
        HikariLeaks h = new HikariLeaks(10, null, false);
        feed(h, app(0, "T", "r1"));
        feed(h, leak(sec(5), "A", "T", List.of(ORDERS)));
        feed(h, leak(sec(6), "B", "U", List.of(ORDERS)));
        h.threshold(10_000);
        feed(h, leak(sec(20), "C", "T", List.of(ORDERS)));
        HikariState s = h.state();
        assertThat(s.suspected()).isEqualTo(3);
        assertThat(s.guessed()).isEqualTo(2);
        assertThat(s.unattributed()).isEqualTo(1);
        assertThat(s.open()).extracting(LeakWarning::connection, LeakWarning::requestId).containsExactly(
                org.assertj.core.api.Assertions.tuple("A", "r1"),
                org.assertj.core.api.Assertions.tuple("B", null),
                org.assertj.core.api.Assertions.tuple("C", "r1"));
    }

    @Test
    void everyBorrowTraceIsEvidenceForTheOriginSearch() {
        // rule: a failed borrow's trace and a leak warning's trace both go to the origin search: 1 trace, then 2
        HikariLeaks h = new HikariLeaks(10, null, false);
        h.borrowTrace(List.of(USERS));
        assertThat(h.state().origins().traces()).isEqualTo(1);
        feed(h, leak(sec(5), "A", "T", List.of(ORDERS)));
        assertThat(h.state().origins().traces()).isEqualTo(2);
        assertThat(h.state().origins().diverged()).isTrue();
    }

    @Test
    void unleakedLinesReturnLateAndAreListedUpToMaxItems() {
        // rule: each "unleaked" counts as returned late and closes its open warning; only maxItems (1) are listed.
        // A summary records each connection's first event: A's warning (not a return), B's return (listed at 0),
        // C's return (beyond the cap: -1)
        HikariLeaks h = new HikariLeaks(1, null, true);
        feed(h, leak(sec(5), "A", "T", List.of(ORDERS)));
        feed(h, unleaked(sec(6), "B", "T"));
        feed(h, unleaked(sec(7), "A", "T"));
        feed(h, unleaked(sec(8), "C", "T"));
        HikariState s = h.state();
        assertThat(s.returnedLate()).isEqualTo(3);
        assertThat(s.open()).isEmpty();
        assertThat(s.returned()).extracting(LeakReturn::connection).containsExactly("B");
        assertThat(s.firsts()).containsExactly(
                new HikariState.KeyFirst(P, "A", false, -1),
                new HikariState.KeyFirst(P, "B", true, 0),
                new HikariState.KeyFirst(P, "C", true, -1));
    }

    @Test
    void aReturnListedSecondHasIndexOneAndOnePassRecordsNoFirsts() {
        // rule: the index is the return's place in the list (B at 0, C at 1 with maxItems 10); without a summary
        // (one pass) nothing is recorded for a merge
        HikariLeaks h = new HikariLeaks(10, null, true);
        feed(h, unleaked(sec(6), "B", "T"));
        feed(h, unleaked(sec(8), "C", "T"));
        assertThat(h.state().firsts()).extracting(HikariState.KeyFirst::index).containsExactly(0, 1);
        HikariLeaks pass = new HikariLeaks(10, null, false);
        feed(pass, leak(sec(5), "A", "T", List.of(ORDERS)));
        feed(pass, unleaked(sec(6), "B", "T"));
        assertThat(pass.state().firsts()).isEmpty();
    }

    @Test
    void openWarningsAndFirstsAreCappedAtMaxOpen() {
        // rule: at most MAX_OPEN (100,000) open warnings and first events; one more connection is only counted
        // (overflow 1), while a repeated warning of a kept connection replaces its warning (no overflow)
        HikariLeaks h = new HikariLeaks(10, null, true);
        for (int i = 0; i <= HikariLeaks.MAX_OPEN; i++) {
            feed(h, leak(PoolEvent.NO_TIME, "c" + i, "T", List.of()));
        }
        feed(h, leak(PoolEvent.NO_TIME, "c0", "T", List.of()));
        HikariState s = h.state();
        assertThat(s.suspected()).isEqualTo(HikariLeaks.MAX_OPEN + 2L);
        assertThat(s.open()).hasSize(HikariLeaks.MAX_OPEN);
        assertThat(s.overflow()).isEqualTo(1);
        assertThat(s.firsts()).hasSize(HikariLeaks.MAX_OPEN);
        assertThat(s.firsts()).extracting(HikariState.KeyFirst::connection).doesNotContain("c" + HikariLeaks.MAX_OPEN);
    }
}
