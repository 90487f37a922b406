package dev.poolscope.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link ThreadRequests}, rule by rule (docs/dialects.md, leak attribution; docs/summaries.md, the tail): per
 * thread the moments its request changed, pruned to the look-back horizon and bounded in steps and threads.
 * Times are plain microsecond numbers; every expectation is read off the steps fed in each test.
 */
class ThreadRequestsTest {
    private static final long WIDE = 1_000_000_000L;   // a horizon no step here falls behind

    private final ThreadRequests t = new ThreadRequests();

    private static ThreadStep step(long time, String request, String endpoint) {
        return new ThreadStep(time, request, endpoint);
    }

    @Test
    void onlyChangesOfRequestAreSteps() {
        // rule: a line for the request already served adds no step; another request does, with its own time
        t.saw("T", 10, "r1", "GET /a", WIDE);
        t.saw("T", 20, "r1", "GET /a", WIDE);
        t.saw("T", 30, "r2", "GET /b", WIDE);
        assertThat(t.recent("T", 100, 10)).containsExactly(step(10, "r1", "GET /a"), step(30, "r2", "GET /b"));
        assertThat(t.dropped()).isZero();
    }

    @Test
    void aLaterLineGivesAStepItsMissingEndpointButNotItsTime() {
        // rule: the request's first line had no endpoint, a later one does: the step keeps the first time; an
        // endpoint once known is not replaced, nor lost to a line without one
        t.saw("T", 10, "r1", null, WIDE);
        t.saw("T", 20, "r1", "GET /a", WIDE);
        t.saw("T", 25, "r1", "GET /other", WIDE);
        t.saw("T", 28, "r1", null, WIDE);
        assertThat(t.recent("T", 100, 10)).containsExactly(step(10, "r1", "GET /a"));
    }

    @Test
    void theRequestAtATimeIsTheNewestChangeAtOrBeforeIt() {
        // rule: r1 from 10, r2 from 30: at 9 unknown, at 10..29 r1, at 30 and on r2; an unknown thread is null
        t.saw("T", 10, "r1", null, WIDE);
        t.saw("T", 30, "r2", null, WIDE);
        assertThat(t.at("T", 9)).isNull();
        assertThat(t.at("T", 10)).isEqualTo(step(10, "r1", null));
        assertThat(t.at("T", 29)).isEqualTo(step(10, "r1", null));
        assertThat(t.at("T", 30)).isEqualTo(step(30, "r2", null));
        assertThat(t.at("T", 99)).isEqualTo(step(30, "r2", null));
        assertThat(t.at("U", 99)).isNull();
    }

    @Test
    void stepsLoggedOutOfOrderAreComparedByTime() {
        // rule: r1's line (time 50) came before r2's (time 40) in the file: at 45 the thread served r2, at 60 r1
        t.saw("T", 50, "r1", null, WIDE);
        t.saw("T", 40, "r2", null, WIDE);
        assertThat(t.at("T", 45)).isEqualTo(step(40, "r2", null));
        assertThat(t.at("T", 60)).isEqualTo(step(50, "r1", null));
    }

    @Test
    void ofTwoChangesAtOneTimeTheLaterLoggedWins() {
        // rule: r1 then r2 at the same microsecond: the thread moved on to r2
        assertThat(ThreadRequests.at(List.of(step(10, "r1", null), step(10, "r2", null)), 10))
                .isEqualTo(step(10, "r2", null));
    }

    @Test
    void stepsBehindTheHorizonAreDroppedButTheNewestOfThem() {
        // rule: horizon 10 µs; a step at 100 makes 90 the oldest time still asked about. r1 (0) and r2 (5) both
        // lie before it and r2 answers for any time from 90 to 99: r1 goes, r2 stays
        t.saw("T", 0, "r1", null, 10);
        t.saw("T", 5, "r2", null, 10);
        t.saw("T", 100, "r3", null, 10);
        assertThat(t.recent("T", 1000, 10)).extracting(ThreadStep::requestId).containsExactly("r2", "r3");
        assertThat(t.at("T", 90)).isEqualTo(step(5, "r2", null));
        assertThat(t.dropped()).as("pruning by age is not a bound reached").isZero();
    }

    @Test
    void aStepExactlyAtTheHorizonAnswersForItAlone() {
        // rule: r2 at 90, the oldest time asked about (100 less 10): it answers from 90 on, so r1 (0) goes
        t.saw("T", 0, "r1", null, 10);
        t.saw("T", 90, "r2", null, 10);
        t.saw("T", 100, "r3", null, 10);
        assertThat(t.tail().get("T")).extracting(ThreadStep::requestId).containsExactly("r2", "r3");
    }

    @Test
    void aThreadKeepsAtMostPerThreadSteps() {
        // rule: PER_THREAD + 1 changes within the horizon: the oldest one goes and counts as dropped
        for (int i = 0; i <= ThreadRequests.PER_THREAD; i++) {
            t.saw("T", i, "r" + i, null, WIDE);
        }
        List<ThreadStep> kept = t.recent("T", WIDE, Integer.MAX_VALUE);
        assertThat(kept).hasSize(ThreadRequests.PER_THREAD);
        assertThat(kept.get(0).requestId()).isEqualTo("r1");
        assertThat(t.dropped()).isEqualTo(1);
    }

    @Test
    void atMostThreadsThreadsAreFollowed() {
        // rule: THREADS threads are followed; a new thread beyond them is not (each of its lines counts as
        // dropped), while the followed ones go on
        for (int i = 0; i < ThreadRequests.THREADS; i++) {
            t.saw("T" + i, 1, "r", null, WIDE);
        }
        assertThat(t.dropped()).isZero();
        t.saw("late", 2, "r", null, WIDE);
        t.saw("late", 3, "r", null, WIDE);
        t.saw("T0", 5, "r2", null, WIDE);
        assertThat(t.at("late", 10)).isNull();
        assertThat(t.at("T0", 10)).isEqualTo(step(5, "r2", null));
        assertThat(t.dropped()).isEqualTo(2);
        assertThat(t.tail()).hasSize(ThreadRequests.THREADS);
    }

    @Test
    void recentIsTheLastNChangesAtOrBeforeTheTime() {
        // rule: steps at 10, 20, 30, 40; asked at 30 for 2: the two newest of those at or before 30
        for (int i = 1; i <= 4; i++) {
            t.saw("T", i * 10L, "r" + i, null, WIDE);
        }
        assertThat(t.recent("T", 30, 2)).extracting(ThreadStep::requestId).containsExactly("r2", "r3");
        assertThat(t.recent("T", 30, 5)).extracting(ThreadStep::requestId).containsExactly("r1", "r2", "r3");
        // (asked for exactly as many as there are, ">=" for ">" would take the same whole list: equivalent)
        assertThat(t.recent("T", 30, 3)).extracting(ThreadStep::requestId).containsExactly("r1", "r2", "r3");
        assertThat(t.recent("U", 30, 3)).isEmpty();
    }

    @Test
    void theTailIsEachThreadsLastTailSteps() {
        // rule: TAIL + 2 changes on T: the tail keeps the newest TAIL (r2 ..); a thread of one step keeps it
        for (int i = 0; i < ThreadRequests.TAIL + 2; i++) {
            t.saw("T", i, "r" + i, null, WIDE);
        }
        t.saw("U", 5, "u1", null, WIDE);
        assertThat(t.tail().get("T")).hasSize(ThreadRequests.TAIL).first().isEqualTo(step(2, "r2", null));
        assertThat(t.tail().get("U")).containsExactly(step(5, "u1", null));
    }

    @Test
    void joinFollowsTheEarlierStepsAsOneThreadsLinesWould() {
        // rule: a later step for the request being served adds only a missing endpoint; another request is a step
        List<ThreadStep> earlier = List.of(step(1, "r1", null), step(5, "r2", null));
        List<ThreadStep> later = List.of(step(8, "r2", "GET /b"), step(9, "r3", "GET /c"), step(12, "r3", "GET /x"));
        assertThat(ThreadRequests.join(earlier, later, 10))
                .containsExactly(step(1, "r1", null), step(5, "r2", "GET /b"), step(9, "r3", "GET /c"));
    }

    @Test
    void joinNeverReplacesAKnownEndpoint() {
        List<ThreadStep> earlier = List.of(step(5, "r2", "GET /b"));
        assertThat(ThreadRequests.join(earlier, List.of(step(8, "r2", "GET /other")), 10))
                .containsExactly(step(5, "r2", "GET /b"));
        assertThat(ThreadRequests.join(earlier, List.of(step(8, "r2", null)), 10))
                .containsExactly(step(5, "r2", "GET /b"));
    }

    @Test
    void joinKeepsTheNewestMax() {
        // rule: four steps joined, max 2: the two newest; with no earlier steps the later ones stand alone
        List<ThreadStep> earlier = List.of(step(1, "r1", null), step(2, "r2", null));
        List<ThreadStep> later = List.of(step(3, "r3", null), step(4, "r4", null));
        assertThat(ThreadRequests.join(earlier, later, 2)).containsExactly(step(3, "r3", null), step(4, "r4", null));
        // (max equal to the size, ">=" for ">" would take the same whole list: equivalent)
        assertThat(ThreadRequests.join(earlier, later, 4)).hasSize(4);
        assertThat(ThreadRequests.join(null, later, 4)).isEqualTo(later);
    }
}
