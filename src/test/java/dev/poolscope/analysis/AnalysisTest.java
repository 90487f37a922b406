package dev.poolscope.analysis;

import static dev.poolscope.analysis.Ev.at;
import static dev.poolscope.analysis.Ev.getconn;
import static dev.poolscope.analysis.Ev.other;
import static dev.poolscope.analysis.Ev.putconn;
import static org.assertj.core.api.Assertions.assertThat;

import dev.poolscope.event.EventKind;
import dev.poolscope.event.PoolEvent;
import dev.poolscope.event.PoolNote;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Analysis as a whole, rule by rule (docs/log-format.md "What each dialect can and cannot tell", docs/ci.md,
 * docs/metrics.md): a health row the log cannot give is left out, not judged on a 0 never observed: pool used
 * when no line states or implies it, getconn − putconn when only HikariCP (no checkout lines) was read, requests
 * without close when only HikariCP was read and its leak detection is not seen to be on. A stated pool used of 0
 * is a figure. Every event reaches the library tally and the timeline.
 */
class AnalysisTest {
    private static final String HIKARI = "hikaricp";

    private static Map<String, Long> rows(Diagnosis d) {
        Map<String, Long> out = new java.util.TreeMap<>();
        d.health().checks().forEach(c -> out.put(c.metric(), c.value()));
        return out;
    }

    /** A HikariCP line as its dialect reads it: {@code kind} of note, on the housekeeper thread. */
    private static PoolEvent hikari(double s, PoolNote.Kind kind, int used, int max, long line) {
        return new PoolEvent(EventKind.OTHER, at(s), "p1", null, null, used, max, null, false, false, "t.jsonl", line,
                null, null, null, null, PoolNote.of(HIKARI, kind, "HikariPool-1 housekeeper"));
    }

    private static PoolEvent leakWarning(double s, long line) {
        return new PoolEvent(EventKind.OTHER, at(s), "p1", null, null, PoolEvent.NO_COUNT, PoolEvent.NO_COUNT, null,
                false, false, "t.jsonl", line, null, null, null, null,
                new PoolNote(HIKARI, PoolNote.Kind.LEAK_SUSPECTED, "HikariPool-1 housekeeper", "conn1", "http-1", null,
                        List.of("com.acme.Orders.load(Orders.java:10)"), PoolEvent.NO_COUNT));
    }

    private static Diagnosis run(PoolEvent... events) {
        Analysis a = new Analysis(AnalysisOptions.defaults());
        for (PoolEvent e : events) {
            a.accept(e);
        }
        return a.finish(new InputSummary(List.of("t.jsonl"), events.length, 0, 0, List.of()));
    }

    @Test
    void aStatedPoolUsedOfZeroIsAFigureAndEveryRowIsJudged() {
        // one line stating pool_used 0 and nothing else: peak used 0, no checkout (delta 0), no request left open
        Diagnosis d = Ev.analyze(other(0).used(0));
        assertThat(d.pool().peakUsed()).isZero();
        assertThat(rows(d)).isEqualTo(Map.of(Health.POOL_USED, 0L, Health.LEAK_DELTA, 0L,
                Health.REQUESTS_WITHOUT_CLOSE, 0L));
        assertThat(d.health().verdict()).isEqualTo(Level.OK);
    }

    @Test
    void aStatedPoolUsedIsJudgedAgainstItsThreshold() {
        // pool_used 75 stated once: above the default critical 70
        Diagnosis d = Ev.analyze(other(0).used(75));
        assertThat(rows(d)).containsEntry(Health.POOL_USED, 75L);
        assertThat(d.health().verdict()).isEqualTo(Level.CRITICAL);
    }

    @Test
    void withoutAnyStatedOrImpliedPoolUsedItsRowIsLeftOut() {
        // a request's end says nothing of the pool
        Diagnosis d = Ev.analyze(Ev.end(1).req("r1"));
        assertThat(d.pool().peakUsed()).isNegative();
        assertThat(rows(d)).doesNotContainKey(Health.POOL_USED)
                .containsEntry(Health.LEAK_DELTA, 0L).containsEntry(Health.REQUESTS_WITHOUT_CLOSE, 0L);
    }

    @Test
    void structlogCheckoutsAreJudgedAndTalliedAsPoolEvents() {
        // two checkouts of r1 and r2, one checkin: getconn - putconn = 1; r2's request ended with its connection
        // still out, so it is a request without close (default thresholds: delta warn above 2, requests critical
        // above 0)
        Diagnosis d = Ev.analyze(getconn(1).req("r1").conn("c1"), getconn(2).req("r2").conn("c2"),
                putconn(3).req("r1").conn("c1"), Ev.end(4).req("r1"), Ev.end(5).req("r2"));
        assertThat(rows(d)).containsEntry(Health.LEAK_DELTA, 1L).containsEntry(Health.REQUESTS_WITHOUT_CLOSE, 1L)
                .containsEntry(Health.POOL_USED, 2L);
        assertThat(d.library().checkoutsLogged()).isTrue();
        // the checkouts and the checkin show the pool; request ends do not
        assertThat(d.library().poolEvents()).isEqualTo(Map.of("t.jsonl", Map.of(LibraryTracker.STRUCTLOG, 3L)));
    }

    @Test
    void hikariAloneLeavesOutTheDeltaAndTheRequestsUntilLeakDetectionIsSeen() {
        // stats lines: 4 then 6 in use of 10; no checkout line, no leak warning, no dump
        Diagnosis quiet = run(hikari(1, PoolNote.Kind.STATS, 4, 10, 1), hikari(31, PoolNote.Kind.STATS, 6, 10, 2));
        assertThat(quiet.library().libraryLines()).isEqualTo(Map.of("t.jsonl", Map.of(HIKARI, 2L)));
        assertThat(rows(quiet)).isEqualTo(Map.of(Health.POOL_USED, 6L));
        // one leak warning: leak detection is on, so requests without close are a figure (one true leak)
        Diagnosis warned = run(hikari(1, PoolNote.Kind.STATS, 4, 10, 1), leakWarning(20, 2));
        assertThat(warned.library().suspected()).isEqualTo(1);
        assertThat(rows(warned)).containsEntry(Health.REQUESTS_WITHOUT_CLOSE, 1L)
                .doesNotContainKey(Health.LEAK_DELTA);
    }

    @Test
    void everyEventReachesTheTimeline() {
        // two checkouts, one checkin and one failed checkout, all within the first automatic bucket
        Diagnosis d = Ev.analyze(getconn(1).req("r1").conn("c1"), getconn(1.5).req("r2").conn("c2"),
                putconn(2).req("r1").conn("c1"), Ev.failed(2.5).req("r3"));
        List<TimelineBucket> b = d.timeline().buckets();
        assertThat(b.stream().mapToLong(TimelineBucket::getconn).sum()).isEqualTo(2);
        assertThat(b.stream().mapToLong(TimelineBucket::putconn).sum()).isEqualTo(1);
        assertThat(b.stream().mapToLong(TimelineBucket::getconnFailed).sum()).isEqualTo(1);
        assertThat(b.stream().mapToLong(TimelineBucket::openCheckoutsMax).max().orElse(-1)).isEqualTo(2);
    }
}
