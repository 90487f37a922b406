package dev.poolscope.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.poolscope.event.PoolEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Exhaustion looks merged from summaries: once a second per process, at most MAX_LOOKS (docs/summaries.md). */
class ExhaustionLookTest {
    private static final long SECOND = 1_000_000;
    private static final long T0 = 100 * SECOND;   // far from 0, so a sum of times is never under a second

    private static ExhaustionLook look(String process, long time) {
        return new ExhaustionLook(time, process, 1, 0, 0);
    }

    @Test
    void rationKeepsOneLookASecondPerProcessCountingTheEarlierLooks() {
        ExhaustionLook e = look("p1", T0);
        List<ExhaustionLook> later = List.of(
                look("p1", T0 + SECOND / 2),     // 0.5 s after p1's earlier look: dropped
                look("p2", T0 + SECOND / 2),     // p2 not seen before: kept
                look("p1", T0 + SECOND),         // exactly 1 s after the last kept p1 look: kept
                look("p1", T0 + SECOND + 999_999), // 0.999999 s after that: dropped
                look("p2", T0 + 3 * SECOND / 2)); // exactly 1 s after p2's: kept
        assertThat(ExhaustionLook.ration(List.of(e), later))
                .containsExactly(e, later.get(1), later.get(2), later.get(4));
    }

    @Test
    void rationDropsAnUntimedLookOfASeenProcessAndAnyLookAfterAnUntimedOne() {
        ExhaustionLook untimed = look("p1", PoolEvent.NO_TIME);
        ExhaustionLook timed = look("p2", T0);
        // p1's last look has no time: no second can be measured from it, so p1's later look is dropped;
        // p2's later look has no time: likewise dropped; p3 unseen and untimed: kept
        List<ExhaustionLook> later = List.of(look("p1", T0 + 5 * SECOND), look("p2", PoolEvent.NO_TIME),
                look("p3", PoolEvent.NO_TIME));
        assertThat(ExhaustionLook.ration(List.of(untimed, timed), later))
                .containsExactly(untimed, timed, later.get(2));
    }

    @Test
    void rationStopsAtMaxLooksInAll() {
        List<ExhaustionLook> earlier = new ArrayList<>();
        for (int i = 0; i < ExhaustionProbe.MAX_LOOKS - 1; i++) {
            earlier.add(look("e" + i, T0));
        }
        // 63 earlier + two new processes: only one fits under 64
        List<ExhaustionLook> out = ExhaustionLook.ration(earlier, List.of(look("n1", T0), look("n2", T0)));
        assertThat(out).hasSize(ExhaustionProbe.MAX_LOOKS);
        assertThat(out.get(ExhaustionProbe.MAX_LOOKS - 1).process()).isEqualTo("n1");
        // already 64: nothing more is added
        assertThat(ExhaustionLook.ration(out, List.of(look("n3", T0)))).hasSize(ExhaustionProbe.MAX_LOOKS);
    }
}
