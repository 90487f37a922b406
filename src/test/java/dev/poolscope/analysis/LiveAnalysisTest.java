package dev.poolscope.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.poolscope.event.EventKind;
import dev.poolscope.event.PoolEvent;
import dev.poolscope.event.PoolNote;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Hand-made event sequences; every expected figure is counted by hand from the sequence. */
class LiveAnalysisTest {
    private static final long S = 1_000_000L;
    private final LiveAnalysis live = new LiveAnalysis(AnalysisOptions.defaults(), Duration.ofMinutes(10));

    private static PoolEvent ev(EventKind kind, long second, String process, String request, String conn, int used) {
        return new PoolEvent(kind, second * S, process, request, conn, used, used < 0 ? -1 : 80,
                request == null ? null : "GET /r/" + request, false, false, "t", 0);
    }

    private void checkout(long t, String process, String request, String conn) {
        live.accept(ev(EventKind.CHECKOUT, t, process, request, conn, -1));
    }

    private void checkin(long t, String process, String request, String conn) {
        live.accept(ev(EventKind.CHECKIN, t, process, request, conn, -1));
    }

    @Test
    void poolUsedNowIsTheFullestLiveProcessAndPeakIsTheHighestEverSeen() {
        live.accept(ev(EventKind.CHECKOUT, 0, "a", "r1", "c1", 5));
        live.accept(ev(EventKind.CHECKOUT, 1, "a", "r2", "c2", 12));
        live.accept(ev(EventKind.CHECKIN, 2, "a", "r2", "c2", 3));
        checkout(3, "b", "r3", "c3");           // b states no pool_used: reconstructed as 1, then 2
        checkout(4, "b", "r4", "c4");
        LiveStatus s = live.status(5 * S);
        assertThat(s.usedNow()).isEqualTo(3);
        assertThat(s.usedPeak()).isEqualTo(12);
        assertThat(s.poolMax()).isEqualTo(80);
        assertThat(s.totals().processes()).isEqualTo(2);
        assertThat(s.openCheckouts()).isEqualTo(3);
        assertThat(s.leakDelta()).isEqualTo(3);  // a: 2 getconn - 1 putconn, b: 2 - 0
    }

    @Test
    void aProcessSilentPastTheStalenessBoundHasUnknownUsageNotCritical() {
        // Issue 15: pid 7 at 80 (critical above 70), then nothing for two minutes; the 60 s bound has passed.
        live.accept(ev(EventKind.OTHER, 0, "7", null, null, 80));
        assertThat(live.status(30 * S).usedNow()).isEqualTo(80);
        assertThat(live.status(60 * S).usedNow()).isEqualTo(80);
        LiveStatus quiet = live.status(120 * S);
        assertThat(quiet.usedNow()).isEqualTo(-1);
        assertThat(quiet.level()).isEqualTo(Level.OK);
        live.accept(ev(EventKind.OTHER, 121, "8", null, null, 10));   // another process speaks: its figure only
        assertThat(live.status(122 * S).usedNow()).isEqualTo(10);
        live.accept(ev(EventKind.OTHER, 123, "7", null, null, 75));   // 7 reports again: known and critical
        assertThat(live.status(124 * S).usedNow()).isEqualTo(75);
        assertThat(live.status(124 * S).level()).isEqualTo(Level.CRITICAL);
    }

    @Test
    void theOldestOpenCheckoutIsListedFirstWithItsAgeAtTheStatusTime() {
        checkout(0, "p", "r1", "c1");
        checkout(10, "p", "r2", "c2");
        checkin(20, "p", "r1", "c1");
        LiveStatus s = live.status(30 * S);
        assertThat(s.openCheckouts()).isEqualTo(1);
        assertThat(s.leakDelta()).isEqualTo(1);
        assertThat(s.oldest()).hasSize(1);
        assertThat(s.oldest().get(0).requestId()).isEqualTo("r2");
        assertThat(s.oldest().get(0).ageMicros()).isEqualTo(20 * S);
        assertThat(s.level()).isEqualTo(Level.OK);
    }

    @Test
    void aCheckoutPastTheThresholdIsSuspectedOnceWhileOpenAndReportedAgainWhenReturned() {
        checkout(0, "p", "r1", "c1");
        assertThat(live.status(30 * S).notices()).isEmpty();
        LiveStatus at61 = live.status(61 * S);
        assertThat(at61.notices()).singleElement().satisfies(n -> {
            assertThat(n.kind()).isEqualTo(LeakNotice.Kind.SUSPECTED);
            assertThat(n.requestId()).isEqualTo("r1");
            assertThat(n.endpoint()).isEqualTo("GET /r/r1");
            assertThat(n.heldMicros()).isEqualTo(61 * S);
            assertThat(n.requestEnded()).isFalse();
        });
        assertThat(at61.openSuspects()).isEqualTo(1);
        assertThat(at61.requestsWithoutClose()).isEqualTo(1);   // older than the 60 s grace
        assertThat(live.status(70 * S).notices()).isEmpty();
        checkin(80, "p", "r1", "c1");
        LiveStatus at90 = live.status(90 * S);
        assertThat(at90.notices()).singleElement().satisfies(n -> {
            assertThat(n.kind()).isEqualTo(LeakNotice.Kind.RETURNED);
            assertThat(n.reportedOpen()).isTrue();
            assertThat(n.heldMicros()).isEqualTo(80 * S);
        });
        assertThat(at90.openSuspects()).isZero();
        assertThat(at90.totals().suspected()).isEqualTo(1);
        assertThat(at90.totals().returned()).isEqualTo(1);
    }

    @Test
    void aCheckoutOfAFinishedRequestIsSuspectedAtOnceAndMakesTheLevelCritical() {
        checkout(0, "p", "r1", "c1");
        live.accept(ev(EventKind.REQUEST_END, 1, "p", "r1", null, -1));
        LiveStatus s = live.status(2 * S);
        assertThat(s.notices()).singleElement().satisfies(n -> assertThat(n.requestEnded()).isTrue());
        assertThat(s.requestsWithoutClose()).isEqualTo(1);
        assertThat(s.level()).isEqualTo(Level.CRITICAL);   // seed table: any request without close
    }

    @Test
    void aCheckinLoggedJustAfterItsRequestEndIsNotALeak() {
        checkout(0, "p", "r1", "c1");
        live.accept(new PoolEvent(EventKind.REQUEST_END, 10 * S, "p", "r1", null, -1, -1, null, false, false, "t", 2));
        LiveStatus between = live.status(10 * S + 500_000);   // the teardown's checkin is still to come
        assertThat(between.notices()).isEmpty();
        assertThat(between.level()).isEqualTo(Level.OK);
        checkin(11, "p", "r1", "c1");
        assertThat(live.status(12 * S).notices()).isEmpty();
    }

    @Test
    void aLongHoldReturnedBetweenTwoStatusesIsReportedAsReturnedOnly() {
        checkout(0, "p", "r1", "c1");
        checkin(70, "p", "r1", "c1");
        checkout(71, "p", "r2", "c2");
        checkin(72, "p", "r2", "c2");           // short: no notice
        List<LeakNotice> notices = live.status(75 * S).notices();
        assertThat(notices).singleElement().satisfies(n -> {
            assertThat(n.kind()).isEqualTo(LeakNotice.Kind.RETURNED);
            assertThat(n.reportedOpen()).isFalse();
            assertThat(n.heldMicros()).isEqualTo(70 * S);
        });
    }

    @Test
    void aSilentProcessIsForgottenSoTheLevelRecoversAfterARestart() {
        checkout(0, "web/100", "r1", "c1");
        live.accept(ev(EventKind.REQUEST_END, 1, "web/100", "r1", null, -1));
        assertThat(live.status(2 * S).level()).isEqualTo(Level.CRITICAL);
        checkout(650, "web/200", "r2", "c2");   // the restarted service, 649 s after the old one's last line
        checkin(651, "web/200", "r2", "c2");
        LiveStatus s = live.status(652 * S);
        assertThat(s.level()).isEqualTo(Level.OK);
        assertThat(s.openCheckouts()).isZero();
        assertThat(s.leakDelta()).isZero();
        assertThat(s.openSuspects()).isZero();
        assertThat(s.totals().forgottenProcesses()).isEqualTo(1);
        assertThat(s.totals().forgottenCheckouts()).isEqualTo(1);
        assertThat(s.totals().counts().getconn()).isEqualTo(2);   // totals keep everything
        assertThat(s.totals().processes()).isEqualTo(1);
    }

    @Test
    void countsTimeoutsAndFailedCheckouts() {
        live.accept(new PoolEvent(EventKind.OTHER, S, "p", "r1", null, -1, -1, null, true, false, "t", 1));
        live.accept(new PoolEvent(EventKind.CHECKOUT_FAILED, 2 * S, "p", "r2", null, 80, 80, null, false, true, "t", 2));
        LiveStatus s = live.status(3 * S);
        assertThat(s.totals().statementTimeouts()).isEqualTo(1);
        assertThat(s.totals().counts().getconnFailed()).isEqualTo(1);
        assertThat(s.usedNow()).isEqualTo(80);
        assertThat(s.level()).isEqualTo(Level.CRITICAL);
    }

    @Test
    void memoryStaysBoundedWhenProcessIdsChurnForever() {
        LiveAnalysis churn = new LiveAnalysis(AnalysisOptions.defaults(), Duration.ofSeconds(60));
        for (int i = 0; i < 100_000; i++) {
            String process = "worker/" + i / 20;   // a new pid every 20 requests, one request a second
            String request = "r" + i;
            churn.accept(ev(EventKind.CHECKOUT, i, process, request, "c", -1));
            if (i % 100 != 0) {                     // one checkout in a hundred leaks
                churn.accept(ev(EventKind.CHECKIN, i, process, request, "c", -1));
            }
            if (i % 1000 == 999) {
                LiveStatus s = churn.status(i * S);
                // live processes: those seen in the last 60 s (3 or 4), never the 5 000 seen overall
                assertThat(s.totals().processes()).isLessThanOrEqualTo(5);
                assertThat(s.openCheckouts()).isLessThanOrEqualTo(61);
            }
        }
    }

    @Test
    void processesWithoutTimestampsAreCappedInstead() {
        LiveAnalysis noTimes = new LiveAnalysis(AnalysisOptions.defaults(), Duration.ofSeconds(60));
        int n = LiveProcesses.MAX_PROCESSES + 500;
        for (int i = 0; i < n; i++) {
            noTimes.accept(new PoolEvent(EventKind.CHECKOUT, PoolEvent.NO_TIME, "p" + i, "r", "c", -1, -1, null,
                    false, false, "t", i));
        }
        LiveStatus s = noTimes.status(PoolEvent.NO_TIME);
        assertThat(s.totals().processes()).isEqualTo(LiveProcesses.MAX_PROCESSES);
        assertThat(s.openCheckouts()).isEqualTo(LiveProcesses.MAX_PROCESSES);   // the evicted ones' too
        assertThat(s.totals().forgottenProcesses()).isEqualTo(500);
    }
    @Test
    void onlyTheTenOldestOpenCheckoutsAreListedOldestFirst() {
        // docs/watch.md: alerts list the oldest open checkouts. Twelve open, acquired at 0, 1, ..., 11 s: the ten
        // listed are those of 0..9 s, in that order; the two youngest are left out
        for (int i = 0; i < 12; i++) {
            checkout(i, "p", "r" + i, "c" + i);
        }
        LiveStatus s = live.status(20 * S);
        assertThat(s.openCheckouts()).isEqualTo(12);
        assertThat(s.oldest()).extracting(LeakItem::requestId)
                .containsExactly("r0", "r1", "r2", "r3", "r4", "r5", "r6", "r7", "r8", "r9");
        assertThat(s.oldest().get(0).ageMicros()).isEqualTo(20 * S);
    }

    @Test
    void aCheckoutMadeAtTheStatusTimeIsListedWithAgeZeroAndAnUntimedOneIsNot() {
        // age is now - acquired (0 here); a checkout with no timestamp has no age and is not listed, though open
        live.accept(new PoolEvent(EventKind.CHECKOUT, PoolEvent.NO_TIME, "p", "r0", "c0", -1, -1, null, false, false,
                "t", 1));
        checkout(5, "p", "r1", "c1");
        LiveStatus s = live.status(5 * S);
        assertThat(s.openCheckouts()).isEqualTo(2);
        assertThat(s.oldest()).singleElement().satisfies(l -> {
            assertThat(l.requestId()).isEqualTo("r1");
            assertThat(l.ageMicros()).isZero();
        });
    }

    @Test
    void onlyStatementTimeoutsAreCountedAsSuch() {
        // three lines, the second a statement timeout: one
        live.accept(ev(EventKind.OTHER, 1, "p", "r1", null, -1));
        live.accept(new PoolEvent(EventKind.OTHER, 2 * S, "p", "r2", null, -1, -1, null, true, false, "t", 2));
        checkout(3, "p", "r3", "c3");
        assertThat(live.status(4 * S).totals().statementTimeouts()).isEqualTo(1);
    }

    @Test
    void loggedCheckoutsJudgeTheLeakDelta() {
        // three checkouts, none returned, requests still running and younger than the grace: getconn - putconn
        // = 3, above the default warning level 2; used now 3 (below 10) and no request without close
        checkout(0, "p", "r1", "c1");
        checkout(1, "p", "r2", "c2");
        checkout(2, "p", "r3", "c3");
        LiveStatus s = live.status(3 * S);
        assertThat(s.leakDelta()).isEqualTo(3);
        assertThat(s.checkoutsLogged()).isTrue();
        assertThat(s.library().poolEvents()).isEqualTo(java.util.Map.of("t", java.util.Map.of("structlog", 3L)));
        assertThat(s.health().checks()).extracting(HealthCheck::metric).contains(Health.LEAK_DELTA);
        assertThat(s.level()).isEqualTo(Level.WARNING);
    }

    @Test
    void hikariLinesAreReadSoItsLeakWarningsCountAndTheDeltaIsLeftOut() {
        // docs/watch.md: with HikariCP alone getconn, putconn and the delta are n/a and left out of the level;
        // its leak warnings are counted (one here, never "unleaked")
        PoolNote warning = new PoolNote("hikaricp", PoolNote.Kind.LEAK_SUSPECTED, "HikariPool-1 housekeeper", "conn1",
                "http-1", null, List.of("com.acme.Orders.load(Orders.java:10)"), PoolEvent.NO_COUNT);
        live.accept(new PoolEvent(EventKind.OTHER, 10 * S, "p", null, null, -1, -1, null, false, false, "t", 1,
                null, null, null, null, warning));
        LiveStatus s = live.status(11 * S);
        assertThat(s.library().suspected()).isEqualTo(1);
        assertThat(s.leakWarningsOpen()).isEqualTo(1);
        assertThat(s.checkoutsLogged()).isFalse();
        assertThat(s.health().checks()).extracting(HealthCheck::metric).doesNotContain(Health.LEAK_DELTA);
    }
    @Test
    void theLastEventTimeIsTheLatestReadNotTheLastLine() {
        // watch's clock when it follows the log: none before any timed line; 5 s after lines at 5 s and then 3 s
        // (a line out of order); an untimed line changes nothing
        assertThat(live.lastEventTime()).isEqualTo(PoolEvent.NO_TIME);
        checkout(5, "p", "r1", "c1");
        checkout(3, "p", "r2", "c2");
        live.accept(new PoolEvent(EventKind.OTHER, PoolEvent.NO_TIME, "p", null, null, -1, -1, null, false, false,
                "t", 3));
        assertThat(live.lastEventTime()).isEqualTo(5 * S);
    }
}
