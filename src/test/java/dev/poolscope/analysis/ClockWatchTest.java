package dev.poolscope.analysis;

import static dev.poolscope.analysis.Ev.other;
import static org.assertj.core.api.Assertions.assertThat;

import dev.poolscope.event.EventKind;
import org.junit.jupiter.api.Test;

/**
 * ClockWatch's rules (TimeQuality): an event is out of order when stamped earlier than the latest time before
 * it, and its step back is measured from that latest time, which it does not move; an equal time is in order
 * and no jump; the largest step back and the largest jump forward keep the first line that reached them;
 * lines without a time are skipped.
 */
class ClockWatchTest {

    private static TimeQuality watch(Ev... events) {
        ClockWatch w = new ClockWatch();
        Ev.build(events).forEach(w::accept);
        return w.finish(0, 0);
    }

    @Test
    void anEqualTimeIsNeitherOutOfOrderNorAJump() {
        TimeQuality q = watch(other(5), other(5), other(5));
        assertThat(q.outOfOrder()).isZero();
        assertThat(q.largestStepBack()).isZero();
        assertThat(q.stepBackAt()).isNull();
        assertThat(q.largestGap()).isZero();
        assertThat(q.gapAt()).as("a step of 0 is no jump, so no place").isNull();
    }

    @Test
    void aStepBackIsMeasuredFromTheLatestTimeAndDoesNotMoveIt() {
        // 10 s; 4 s is 6 s back; 7 s is still 3 s back from 10 (not 3 s forward from 4); 12 s is 2 s past 10
        TimeQuality q = watch(other(10), other(4), other(7), other(12));
        assertThat(q.outOfOrder()).isEqualTo(2);
        assertThat(q.largestStepBack()).isEqualTo(Ev.micros(6));
        assertThat(q.stepBackAt()).isEqualTo(new TimeQuality.Place("t.jsonl", 2));
        assertThat(q.largestGap()).isEqualTo(Ev.micros(2));
        assertThat(q.gapAt()).isEqualTo(new TimeQuality.Place("t.jsonl", 4));
    }

    @Test
    void anEqualLargestStepKeepsTheFirstLineThatReachedIt() {
        // 0; 5 (jump 5, line 2); 2 (back 3, line 3); 10 (jump 5 again, line 4); 7 (back 3 again, line 5)
        TimeQuality q = watch(other(0), other(5), other(2), other(10), other(7));
        assertThat(q.outOfOrder()).isEqualTo(2);
        assertThat(q.largestGap()).isEqualTo(Ev.micros(5));
        assertThat(q.gapAt().line()).isEqualTo(2);
        assertThat(q.largestStepBack()).isEqualTo(Ev.micros(3));
        assertThat(q.stepBackAt().line()).isEqualTo(3);
    }

    @Test
    void linesWithoutATimeAreSkippedAndTheCountsFromElsewherePassThrough() {
        ClockWatch w = new ClockWatch();
        Ev.build(Ev.untimed(EventKind.CHECKOUT), other(1), Ev.untimed(EventKind.OTHER), other(3)).forEach(w::accept);
        TimeQuality q = w.finish(7, 8);
        assertThat(q.outOfOrder()).isZero();
        assertThat(q.largestGap()).isEqualTo(Ev.micros(2));
        assertThat(q.gapAt().line()).isEqualTo(4);
        assertThat(q.negativeHolds()).isEqualTo(7);
        assertThat(q.sameTimeReorders()).isEqualTo(8);
    }
}
