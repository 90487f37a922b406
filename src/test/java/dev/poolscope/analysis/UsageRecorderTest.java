package dev.poolscope.analysis;

import static dev.poolscope.analysis.Ev.at;
import static dev.poolscope.analysis.Ev.end;
import static dev.poolscope.analysis.Ev.failed;
import static dev.poolscope.analysis.Ev.getconn;
import static dev.poolscope.analysis.Ev.nearly;
import static dev.poolscope.analysis.Ev.other;
import static dev.poolscope.analysis.Ev.putconn;
import static org.assertj.core.api.Assertions.assertThat;

import dev.poolscope.event.EventKind;
import dev.poolscope.event.PoolEvent;
import org.junit.jupiter.api.Test;

/**
 * UsageRecorder's rules (docs/summaries.md, Pool usage): a process's usage steps are held in its head until it
 * reports a pool_used at or below the critical threshold (the threshold as the usage tracker resolves it for the
 * pool's maximum); that report ends the head and it and everything after go to the usage state; a failed
 * checkout or near-exhaustion warning never ends a head (it counts in a window whatever its usage); events that
 * change no usage (no pool_used, no checkout, checkin, failure or warning) leave no step; a head reaching
 * {@link UsageRecorder#HEAD_LIMIT} steps is settled as this summary alone sees it, and marked truncated.
 */
class UsageRecorderTest {
    private static final AnalysisOptions DEFAULTS = AnalysisOptions.defaults();   // critical above 70 (pool of 80)

    private static UsageRecorder record(Ev... events) {
        UsageRecorder r = new UsageRecorder(DEFAULTS, UsageSink.NONE);
        Ev.build(events).forEach(r::accept);
        return r;
    }

    @Test
    void aReportAtTheCriticalThresholdEndsTheHeadOneAboveDoesNot() {
        UsageRecorder r = record(getconn(1), other(2).used(71), other(3).used(70));
        UsageHead h = r.heads().get("p1");
        assertThat(h.steps()).containsExactly(new UsageStep(EventKind.CHECKOUT, at(1), PoolEvent.NO_COUNT),
                new UsageStep(EventKind.OTHER, at(2), 71), new UsageStep(EventKind.OTHER, at(3), 70));
        assertThat(h.synced()).isTrue();
        assertThat(h.truncated()).isFalse();
        // the report that ended the head is in the state too (it opens and closes nothing); the 71 before is not
        assertThat(r.state().peak()).isEqualTo(70);
        assertThat(r.state().peakAt()).isEqualTo(at(3));
    }

    @Test
    void afterTheHeadEndsStepsGoToTheStateOnly() {
        UsageRecorder r = record(other(1).used(5), getconn(2).used(75), putconn(3).used(6));
        assertThat(r.heads().get("p1").steps()).hasSize(1);
        assertThat(r.state().peak()).isEqualTo(75);
        assertThat(r.state().peakAt()).isEqualTo(at(2));
    }

    @Test
    void aFailedCheckoutOrNearExhaustionWarningAtLowUsageDoesNotEndTheHead() {
        UsageRecorder r = record(failed(1).used(5), nearly(2).used(5));
        assertThat(r.heads().get("p1").synced()).isFalse();
        assertThat(r.heads().get("p1").steps()).hasSize(2);
        assertThat(r.state().peak()).as("nothing reached the state yet").isEqualTo(-1);
        r.accept(other(3).used(5).build(3));
        assertThat(r.heads().get("p1").synced()).isTrue();
        assertThat(r.heads().get("p1").steps()).hasSize(3);
    }

    @Test
    void onlyEventsThatMoveUsageLeaveAStep() {
        UsageRecorder r = record(getconn(1).pid("out"), putconn(2).pid("in"), failed(3).pid("failed"),
                nearly(4).pid("nearly"), other(5).pid("reports").used(90), other(6).pid("other"), end(7).pid("end"));
        assertThat(r.heads()).containsOnlyKeys("out", "in", "failed", "nearly", "reports");
        assertThat(r.heads().values()).allSatisfy(h -> assertThat(h.steps()).hasSize(1));
    }

    @Test
    void aHeadOfHeadLimitStepsIsSettledAloneAndMarkedTruncated() {
        // a process that never reports pool_used: its usage is its open checkouts, 1, 2, 3, ... at each getconn
        UsageRecorder r = new UsageRecorder(DEFAULTS, UsageSink.NONE);
        for (int i = 1; i < UsageRecorder.HEAD_LIMIT; i++) {
            r.accept(getconn(i * 0.001).build(i));
        }
        assertThat(r.heads().get("p1").steps()).hasSize(UsageRecorder.HEAD_LIMIT - 1);
        assertThat(r.heads().get("p1").truncated()).isFalse();
        assertThat(r.state().peak()).isEqualTo(-1);

        r.accept(getconn(UsageRecorder.HEAD_LIMIT * 0.001).build(UsageRecorder.HEAD_LIMIT));
        UsageHead h = r.heads().get("p1");
        assertThat(h.truncated()).isTrue();
        assertThat(h.synced()).isTrue();
        assertThat(h.steps()).as("settled, so dropped").isEmpty();
        assertThat(r.state().peak()).as("every step settled into the state").isEqualTo(UsageRecorder.HEAD_LIMIT);
        assertThat(r.state().peakAt()).isEqualTo(at(UsageRecorder.HEAD_LIMIT * 0.001));

        r.accept(getconn(30).build(UsageRecorder.HEAD_LIMIT + 1));
        assertThat(r.state().peak()).as("later steps go to the state").isEqualTo(UsageRecorder.HEAD_LIMIT + 1);
        assertThat(r.heads().get("p1").steps()).isEmpty();
    }

    /**
     * The bug this pins: the head ended at a report at or below the configured 70 even when the pool's stated
     * maximum scaled the threshold down (seed table, pool of 20: critical above 87.5 % of 20, rounded down to 17),
     * so a report of 18, above critical for the usage tracker, was taken as a clean start and a merge lost the
     * window open before it.
     */
    @Test
    void theHeadEndsAtTheThresholdScaledToThePoolsMaximum() {
        UsageRecorder r = record(other(1).used(18).max(20));
        assertThat(r.heads().get("p1").synced()).as("18 is above 17").isFalse();
        r.accept(other(2).used(17).max(20).build(2));
        assertThat(r.heads().get("p1").synced()).as("17 is at critical").isTrue();
    }

    @Test
    void aMergeCarriesAWindowAboveTheScaledThresholdAsOnePassDoes() {
        // pool of 20, critical above 17: 8 s at 5, 16 s at 75 (opens), 24 s at 18 (still above), 32 s at 15
        // (closes): one window 16..32 s, peak 75, 16 s above critical; the parts cut after the first event
        Ev[] log = {other(8).used(5).max(20), other(16).used(75).max(20), other(24).used(18).max(20),
            other(32).used(15).max(20)};
        PoolResult onePass = Ev.analyze(DEFAULTS, log).pool();
        PoolResult merged = Ev.summarize(DEFAULTS, log[0]).merge(Ev.summarize(DEFAULTS, log[1], log[2], log[3]))
                .finish().diagnosis().pool();
        for (PoolResult p : new PoolResult[] {onePass, merged}) {
            assertThat(p.windows()).singleElement().satisfies(w -> {
                assertThat(w.start()).isEqualTo(at(16));
                assertThat(w.end()).isEqualTo(at(32));
                assertThat(w.peakUsed()).isEqualTo(75);
            });
            assertThat(p.microsAboveCritical()).isEqualTo(Ev.micros(16));
        }
    }
}
