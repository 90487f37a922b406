package dev.poolscope.analysis;

import static dev.poolscope.analysis.Ev.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.poolscope.event.EventKind;
import dev.poolscope.event.PoolEvent;
import dev.poolscope.event.PoolNote;
import dev.poolscope.event.PoolNote.Kind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link LibraryTracker}, rule by rule (docs/dialects.md, docs/metrics.md, docs/summaries.md): what each input's
 * dialects showed, HikariCP's leak lines, configuration dump, pool maximum and waiting threads, and a failure
 * logged twice counted once. Events are built as the dialects build them (notes as HikariMessages,
 * SqlAlchemyMessages make them); every expected figure is counted off the events fed in each test.
 */
class LibraryTrackerTest {
    private static final String P = "web-1/4242";
    private static final String A = "a.log";
    private static final String B = "b.log";
    private static final String HIKARI = "hikaricp";
    private static final String SQLA = "sqlalchemy";
    private static final String HOUSEKEEPER = "HikariPool-1 housekeeper";
    private static final String TIMEOUT = "HikariPool-1 - Connection is not available, request timed out after"
            + " 30000ms (total=10, active=10, idle=0, waiting=3)";
    private static final String ACQUIRE = "com.acme.Db.acquire(Db.java:25)";
    private static final String ORDERS = "com.acme.Orders.load(Orders.java:10)";
    private static final String USERS = "com.acme.Users.find(Users.java:44)";

    private LibraryTracker tracker = new LibraryTracker(AnalysisOptions.defaults());
    private long line;

    private PoolEvent ev(EventKind kind, long time, String source, String requestId, int max, PoolNote note) {
        return new PoolEvent(kind, time, P, requestId, note == null ? null : note.connection(), PoolEvent.NO_COUNT,
                max, null, false, false, source, ++line, null, null, null, null, note);
    }

    private PoolEvent structlog(EventKind kind) {
        return ev(kind, at(1), A, "r1", PoolEvent.NO_COUNT, null);
    }

    /** A line of a library: {@code kind} of note, logged in input {@code source}. */
    private PoolEvent lib(String source, String dialect, Kind kind) {
        return ev(EventKind.OTHER, at(1), source, null, PoolEvent.NO_COUNT, PoolNote.of(dialect, kind, "main"));
    }

    /** An application line of {@code thread} serving {@code requestId}: no library wrote it. */
    private PoolEvent appLine(double s, String thread, String requestId) {
        return ev(EventKind.OTHER, at(s), A, requestId, PoolEvent.NO_COUNT, PoolNote.line(thread));
    }

    private PoolEvent leak(double s, String connection, String borrower, List<String> frames) {
        return ev(EventKind.OTHER, at(s), A, null, PoolEvent.NO_COUNT,
                new PoolNote(HIKARI, Kind.LEAK_SUSPECTED, HOUSEKEEPER, connection, borrower, null, frames,
                        PoolEvent.NO_COUNT));
    }

    private PoolEvent unleaked(double s, String connection, String borrower) {
        return ev(EventKind.OTHER, at(s), A, "r-back", PoolEvent.NO_COUNT,
                new PoolNote(HIKARI, Kind.LEAK_RETURNED, borrower, connection, borrower, null, null, PoolEvent.NO_COUNT));
    }

    private PoolEvent configStart(String thread, String pool) {
        return ev(EventKind.OTHER, at(0), A, null, PoolEvent.NO_COUNT,
                new PoolNote(HIKARI, Kind.CONFIG_START, thread, null, pool, null, null, PoolEvent.NO_COUNT));
    }

    private PoolEvent config(String thread, String key, String value) {
        int max = "maximumPoolSize".equals(key) ? Integer.parseInt(value) : PoolEvent.NO_COUNT;
        return ev(EventKind.OTHER, at(0), A, null, max,
                new PoolNote(HIKARI, Kind.CONFIG, thread, null, key, value, null, PoolEvent.NO_COUNT));
    }

    private PoolEvent stats(int max, int waiting) {
        return ev(EventKind.OTHER, at(1), A, null, max,
                new PoolNote(HIKARI, Kind.STATS, HOUSEKEEPER, null, "HikariPool-1", "Before cleanup", null, waiting));
    }

    /** HikariCP's timeout text as the application logged it: a failed checkout of {@code requestId} on {@code thread}. */
    private PoolEvent failed(long time, String thread, String requestId) {
        return failed(time, thread, requestId, HIKARI, TIMEOUT, List.of());
    }

    private PoolEvent failed(long time, String thread, String requestId, String dialect, String text,
                             List<String> frames) {
        // as HikariMessages reads the text: 10 active, 3 waiting
        return new PoolEvent(EventKind.CHECKOUT_FAILED, time, P, requestId, null, 10, PoolEvent.NO_COUNT, null, false,
                false, A, ++line, null, null, null, null, new PoolNote(dialect, Kind.EVENT, thread, null, null, text,
                frames, 3));
    }

    private boolean counted(PoolEvent e) {
        PoolEvent out = tracker.accept(e);
        assertThat(out).isNotNull();
        return out.kind() == EventKind.CHECKOUT_FAILED;
    }

    @Test
    void structlogCheckoutsArePoolEventsButOtherLinesAndRequestEndsAreNot() {
        // rule: of four structlog events, the checkout and the checkin show the pool; each comes back unchanged
        for (EventKind k : List.of(EventKind.CHECKOUT, EventKind.OTHER, EventKind.REQUEST_END, EventKind.CHECKIN)) {
            PoolEvent e = structlog(k);
            assertThat(tracker.accept(e)).isSameAs(e);
        }
        LibraryState s = tracker.state();
        assertThat(s.poolEvents()).isEqualTo(Map.of(A, Map.of(LibraryTracker.STRUCTLOG, 2L)));
        assertThat(s.libraryLines()).isEmpty();
        assertThat(s.checkoutsLogged()).isTrue();
    }

    @Test
    void onlyOtherLinesAndRequestEndsDoNotShowCheckouts() {
        tracker.accept(structlog(EventKind.OTHER));
        tracker.accept(structlog(EventKind.REQUEST_END));
        assertThat(tracker.state().poolEvents()).isEmpty();
        assertThat(tracker.state().checkoutsLogged()).isFalse();
    }

    @Test
    void everyLibraryLineCountsAndPoolLinesCountAsPoolEventsToo() {
        // rule: a.log: hikaricp OTHER, STATS, OTHER (3 lines, 1 pool event); b.log: sqlalchemy EVENT (1, 1); an
        // application line (no library) counts in neither and comes back as it was
        tracker.accept(lib(A, HIKARI, Kind.OTHER));
        tracker.accept(lib(A, HIKARI, Kind.STATS));
        tracker.accept(lib(A, HIKARI, Kind.OTHER));
        tracker.accept(lib(B, SQLA, Kind.EVENT));
        PoolEvent app = appLine(1, "main", "r1");
        assertThat(tracker.accept(app)).isSameAs(app);
        LibraryState s = tracker.state();
        assertThat(s.libraryLines()).isEqualTo(Map.of(A, Map.of(HIKARI, 3L), B, Map.of(SQLA, 1L)));
        assertThat(s.poolEvents()).isEqualTo(Map.of(A, Map.of(HIKARI, 1L), B, Map.of(SQLA, 1L)));
    }

    @Test
    void linesAreTalliedPerInputAndDialectWhateverTheirOrder() {
        // rule: the one-increment shortcut for a run of one input and dialect must not carry a count to another:
        // a, b, a (hikaricp) → a 2, b 1; then in a: sqlalchemy, hikaricp, sqlalchemy → hikaricp 3, sqlalchemy 2;
        // a line of no known input is tallied under "-"
        for (String source : List.of(A, B, A)) {
            tracker.accept(lib(source, HIKARI, Kind.OTHER));
        }
        for (String dialect : List.of(SQLA, HIKARI, SQLA)) {
            tracker.accept(lib(A, dialect, Kind.OTHER));
        }
        tracker.accept(lib(null, HIKARI, Kind.OTHER));
        assertThat(tracker.state().libraryLines()).isEqualTo(
                Map.of(A, Map.of(HIKARI, 3L, SQLA, 2L), B, Map.of(HIKARI, 1L), "-", Map.of(HIKARI, 1L)));
    }

    @Test
    void hikariCpAloneLogsNoCheckouts() {
        // rule: HikariCP logs no checkout: with only its lines leak deltas cannot be read (checkoutsLogged false);
        // any other library's line (SQLAlchemy logs each checkout) makes them readable
        tracker.accept(lib(A, HIKARI, Kind.OTHER));
        assertThat(tracker.state().hikariSeen()).isTrue();
        assertThat(tracker.state().checkoutsLogged()).isFalse();
        assertThat(tracker.finish(at(2)).checkoutsLogged()).isFalse();
        LibraryTracker other = new LibraryTracker(AnalysisOptions.defaults());
        other.accept(lib(A, SQLA, Kind.OTHER));
        assertThat(other.state().hikariSeen()).isFalse();
        assertThat(other.state().checkoutsLogged()).isTrue();
        assertThat(other.finish(at(2)).checkoutsLogged()).isTrue();
    }

    @Test
    void aLeakIsGivenTheRequestItsThreadServedAtTheBorrow() {
        // rule: no threshold in the log, so HikariCP's minimum (2 s) is assumed: the warning at 12.5 s dates the
        // borrow at 10.5 s, when http-1 served r-7 (its line at 10 s; r-8 only from 11 s)
        tracker.accept(appLine(10, "http-1", "r-7"));
        tracker.accept(appLine(11, "http-1", "r-8"));
        tracker.accept(leak(12.5, "conn1", "http-1", List.of(ORDERS)));
        LibraryResult r = tracker.finish(at(20));
        assertThat(r.suspected()).isEqualTo(1);
        assertThat(r.trueLeakCount()).isEqualTo(1);
        assertThat(r.trueLeaks()).singleElement().satisfies(l -> {
            assertThat(l.requestId()).isEqualTo("r-7");
            assertThat(l.acquiredAt()).isEqualTo(at(10.5));
        });
    }

    @Test
    void theDumpsLeakDetectionThresholdDatesTheBorrow() {
        // rule: leakDetectionThreshold 30000 ms: the warning at 40 s dates the borrow at 10 s, when http-1 served
        // r-old (from 0 s; r-new only from 20 s). The minimum's 38 s would have said r-new.
        tracker.accept(configStart("main", "HikariPool-1"));
        tracker.accept(config("main", "leakDetectionThreshold", "30000"));
        tracker.accept(appLine(0, "http-1", "r-old"));
        tracker.accept(appLine(20, "http-1", "r-new"));
        tracker.accept(leak(40, "conn1", "http-1", List.of(ORDERS)));
        assertThat(tracker.state().hikari().thresholdMs()).isEqualTo(30_000);
        assertThat(tracker.finish(at(50)).trueLeaks()).extracting(LeakItem::requestId).containsExactly("r-old");
    }

    @Test
    void anUnleakedLineReturnsItsWarningsConnection() {
        // rule: warnings on conn1 and conn2, "unleaked" for conn1: one returned late, conn2 the only true leak
        tracker.accept(leak(5, "conn1", "http-1", List.of(ORDERS)));
        tracker.accept(leak(6, "conn2", "http-2", List.of(ORDERS)));
        tracker.accept(unleaked(7, "conn1", "http-1"));
        LibraryResult r = tracker.finish(at(10));
        assertThat(r.returnedLate()).isEqualTo(1);
        assertThat(r.trueLeaks()).extracting(LeakItem::connId).containsExactly("conn2");
        assertThat(r.returned()).extracting(LeakItem::connId).containsExactly("conn1");
    }

    @Test
    void failedBorrowTracesTeachTheHelpersToo() {
        // rule: two timeout traces part after Db.acquire, so Db.acquire is a helper and the one leak's origin is
        // Orders.load; without them the leak's trace alone would skip nothing
        tracker.accept(failed(at(1), "http-1", "r1", HIKARI, TIMEOUT, List.of(ACQUIRE, ORDERS)));
        tracker.accept(failed(at(2), "http-2", "r2", HIKARI, TIMEOUT, List.of(ACQUIRE, USERS)));
        tracker.accept(leak(9, "conn1", "http-3", List.of(ACQUIRE, ORDERS)));
        LibraryResult r = tracker.finish(at(10));
        assertThat(r.helpers()).containsExactly("com.acme.Db.acquire");
        assertThat(r.byOrigin()).containsExactly(Map.entry(ORDERS, 1L));
    }

    @Test
    void configurationLinesBelongToTheDumpTheirThreadBegan() {
        // rule: after "HikariPool-1 - configuration:" on main, main's settings are HikariPool-1's; a setting of
        // a thread that began no dump is the anonymous "pool"'s in one pass
        tracker.accept(configStart("main", "HikariPool-1"));
        tracker.accept(config("main", "idleTimeout", "600000"));
        tracker.accept(config("other", "idleTimeout", "5000"));
        assertThat(tracker.state().config())
                .isEqualTo(Map.of("HikariPool-1.idleTimeout", "600000", "pool.idleTimeout", "5000"));
        assertThat(tracker.state().unplaced()).isEmpty();
        assertThat(tracker.state().dumping()).as("only a summary carries the dumps begun").isEmpty();
    }

    @Test
    void aSummaryKeepsSettingsOfADumpBegunBeforeItApart() {
        // rule: in a summary, the setting of a thread that began no dump here waits (unplaced) for an earlier
        // summary to name its pool; the dump begun here is carried for a later summary
        tracker = new LibraryTracker(AnalysisOptions.defaults(), true);
        tracker.accept(configStart("main", "HikariPool-1"));
        tracker.accept(config("main", "idleTimeout", "600000"));
        tracker.accept(config("other", "idleTimeout", "5000"));
        LibraryState s = tracker.state();
        assertThat(s.config()).isEqualTo(Map.of("HikariPool-1.idleTimeout", "600000"));
        assertThat(s.unplaced()).containsExactly(new LibraryState.ConfigLine(P, "other", "idleTimeout", "5000"));
        assertThat(s.dumping()).isEqualTo(Map.of(P + "\u0000main", "HikariPool-1"));
    }

    @Test
    void aSummaryKeepsAtMostMaxConfigUnplacedSettingsAndDumps() {
        // rule: MAX_CONFIG + 1 of each: the first MAX_CONFIG are kept
        tracker = new LibraryTracker(AnalysisOptions.defaults(), true);
        for (int i = 0; i <= LibraryState.MAX_CONFIG; i++) {
            tracker.accept(config("orphan", "key" + i, "1"));
            tracker.accept(configStart(String.format("t%05d", i), "HikariPool-" + i));
        }
        LibraryState s = tracker.state();
        assertThat(s.unplaced()).hasSize(LibraryState.MAX_CONFIG);
        assertThat(s.unplaced().get(LibraryState.MAX_CONFIG - 1).subject()).isEqualTo("key" + (LibraryState.MAX_CONFIG - 1));
        assertThat(s.dumping()).hasSize(LibraryState.MAX_CONFIG);
    }

    @Test
    void thePoolMaximumIsTheLargestStatedAndTheFirstToStateIt() {
        // rule: stats say 10 (first), the dump says 10 again (a tie keeps the stats), then a dump says 12, then
        // SQLAlchemy's capacity 15: the maximum's source follows each rise only
        tracker.accept(stats(10, PoolEvent.NO_COUNT));
        assertThat(tracker.state().maxSource()).isEqualTo("HikariCP pool stats (total=T/maximumPoolSize)");
        tracker.accept(configStart("main", "HikariPool-1"));
        tracker.accept(config("main", "maximumPoolSize", "10"));
        assertThat(tracker.state().maxSource()).isEqualTo("HikariCP pool stats (total=T/maximumPoolSize)");
        tracker.accept(config("main", "maximumPoolSize", "12"));
        assertThat(tracker.state().max()).isEqualTo(12);
        assertThat(tracker.state().maxSource()).isEqualTo("HikariCP configuration dump (maximumPoolSize)");
        tracker.accept(ev(EventKind.OTHER, at(1), B, null, 15,
                new PoolNote(SQLA, Kind.MAX, "main", null, "QueuePool pool_size + max_overflow", null, null,
                        PoolEvent.NO_COUNT)));
        assertThat(tracker.state().max()).isEqualTo(15);
        assertThat(tracker.finish(at(2)).maxSource()).isEqualTo("QueuePool pool_size + max_overflow");
    }

    @Test
    void peakWaitingIsTheMostInAStatsLineOrAFailure() {
        // rule: stats 4 then 1 waiting; a timeout text says 3: the peak is 4; with no line saying it, -1
        assertThat(tracker.state().peakWaiting()).isEqualTo(-1);
        tracker.accept(stats(10, 4));
        tracker.accept(stats(10, 1));
        tracker.accept(failed(at(3), "http-1", "r1"));
        assertThat(tracker.state().peakWaiting()).isEqualTo(4);
        LibraryTracker fails = new LibraryTracker(AnalysisOptions.defaults());
        fails.accept(failed(at(3), "http-1", "r1"));
        assertThat(fails.state().peakWaiting()).isEqualTo(3);
    }

    @Test
    void theSameFailureOfOneRequestWithinConnectionTimeoutIsCountedOnce() {
        // rule: r1's timeout text at 10 s and again 100 ms later (another layer logging it) is one failure: the
        // repeat comes back an ordinary line, keeping its request and note. The floor is 250 ms (HikariCP's least
        // connectionTimeout), measured from the last time the text was seen: 10.1 → 10.35 s is a new failure.
        assertThat(counted(failed(at(10), "http-1", "r1"))).isTrue();
        PoolEvent repeat = failed(at(10.1), "http-1", "r1");
        PoolEvent out = tracker.accept(repeat);
        assertThat(out.kind()).isEqualTo(EventKind.OTHER);
        assertThat(out.poolUsed()).as("a repeat adds no usage sample").isEqualTo(PoolEvent.NO_COUNT);
        assertThat(out.requestId()).isEqualTo("r1");
        assertThat(out.note()).isSameAs(repeat.note());
        assertThat(counted(failed(at(10.35), "http-1", "r1"))).as("250 ms after the last").isTrue();
        assertThat(counted(failed(at(10.3), "http-1", "r1"))).as("logged a little out of order").isFalse();
    }

    @Test
    void otherBorrowersFailuresAreTheirOwn() {
        // rule: the borrower is the request, else the thread: r1 and r2 on one thread fail apart; two lines of one
        // thread without a request are one failure; a line with neither cannot be matched
        assertThat(counted(failed(at(10), "http-1", "r1"))).isTrue();
        assertThat(counted(failed(at(10), "http-1", "r2"))).isTrue();
        assertThat(counted(failed(at(20), "http-2", null))).isTrue();
        assertThat(counted(failed(at(20.1), "http-2", null))).isFalse();
        assertThat(counted(failed(at(30), null, null))).isTrue();
        assertThat(counted(failed(at(30.1), null, null))).isTrue();
    }

    @Test
    void onlyHikariCpsTimedTextIsMatched() {
        // rule: another library's failures, a failure without text and one without time are each counted
        assertThat(counted(failed(at(10), "http-1", "r1", SQLA, "QueuePool limit reached", List.of()))).isTrue();
        assertThat(counted(failed(at(10), "http-1", "r1", SQLA, "QueuePool limit reached", List.of()))).isTrue();
        assertThat(counted(failed(at(11), "http-1", "r1", HIKARI, null, List.of()))).isTrue();
        assertThat(counted(failed(at(11), "http-1", "r1", HIKARI, null, List.of()))).isTrue();
        assertThat(counted(failed(PoolEvent.NO_TIME, "http-1", "r1"))).isTrue();
        assertThat(counted(failed(PoolEvent.NO_TIME, "http-1", "r1"))).isTrue();
    }

    @Test
    void onlyFailedCheckoutsAreMatched() {
        // rule: two identical stats lines of the housekeeper 100 ms apart are both kept as they are
        PoolEvent first = stats(10, 0);
        PoolEvent second = ev(EventKind.OTHER, first.time() + 100_000, A, null, 10, first.note());
        assertThat(tracker.accept(first)).isSameAs(first);
        assertThat(tracker.accept(second)).isSameAs(second);
    }

    @Test
    void theDumpsConnectionTimeoutWidensTheWindow() {
        // rule: connectionTimeout 30000 ms: a repeat 29 s later is the same failure, 30 s after that a new one
        tracker.accept(config("main", "connectionTimeout", "30000"));
        assertThat(counted(failed(at(10), "http-1", "r1"))).isTrue();
        assertThat(counted(failed(at(39), "http-1", "r1"))).isFalse();
        assertThat(counted(failed(at(69), "http-1", "r1"))).isTrue();
    }

    @Test
    void aConnectionTimeoutThatIsNotAPositiveNumberKeepsTheFloor() {
        // rule: "0" and "n/a" say nothing usable: 100 ms apart is still one failure (the 250 ms floor)
        tracker.accept(config("main", "connectionTimeout", "0"));
        tracker.accept(config("main", "leakDetectionThreshold", "n/a"));
        assertThat(counted(failed(at(10), "http-1", "r1"))).isTrue();
        assertThat(counted(failed(at(10.1), "http-1", "r1"))).isFalse();
        assertThat(tracker.state().hikari().thresholdMs()).isEqualTo(-1);
    }

    @Test
    void atMostTenThousandBorrowersAreRemembered() {
        // rule: 10 000 borrowers are remembered (a repeat of the 10 000th is found); the 10 001st forgets them
        // all, itself included: a hostile log costs bounded memory, only neighbours matter
        for (int i = 1; i <= 10_000; i++) {
            assertThat(counted(failed(at(10), "http-1", "r" + i))).isTrue();
        }
        assertThat(counted(failed(at(10.1), "http-1", "r10000"))).isFalse();
        assertThat(counted(failed(at(10), "http-1", "r10001"))).isTrue();
        assertThat(counted(failed(at(10.1), "http-1", "r10001"))).as("forgotten").isTrue();
    }
}
