package dev.poolscope.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.poolscope.event.EventKind;
import dev.poolscope.event.PoolEvent;
import dev.poolscope.testing.PropertyCases;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;

/**
 * Issue 15 point 2: a near-exhaustion window ends when its process goes quiet. Hours of silence inserted
 * between two lines of a random log (every later line shifted by it) must never lengthen a window by more
 * than the staleness bound (the merge gap, at least 60 s), nor the time above critical. The rule in
 * docs/metrics.md is stricter (a silence past the bound ends the interval at its last sample above, so
 * nothing grows at all); both are checked, the bound first.
 */
class SilencePropertyTest {
    private static final long HOUR = 3_600_000_000L;
    private static final Duration[] GAPS = {Duration.ZERO, Duration.ofSeconds(5), Duration.ofMinutes(2)};

    @RepeatedTest(300)
    void insertingSilenceNeverLengthensAWindowPastTheBound(RepetitionInfo rep) {
        assumeTrue(PropertyCases.runs(rep.getCurrentRepetition(), rep.getTotalRepetitions()));
        long seed = 0x51_1E_4CEL + rep.getCurrentRepetition();
        Random rnd = new Random(seed);
        Duration gap = GAPS[rnd.nextInt(GAPS.length)];
        AnalysisOptions options = Ev.windows(gap, 6);
        List<PoolEvent> events = randomLog(rnd, 20 + rnd.nextInt(200));
        int at = 1 + rnd.nextInt(events.size() - 1);
        long silence = HOUR + (long) (rnd.nextDouble() * 47 * HOUR);

        PoolResult before = analyze(options, events);
        PoolResult after = analyze(options, withSilence(events, at, silence));

        String context = "seed " + seed + ", gap " + gap + ", silence before line " + (at + 1);
        long bound = ProcessUsage.staleAfter(gap.toNanos() / 1_000);
        long longestBefore = longest(before);
        assertThat(longest(after)).as(context).isLessThanOrEqualTo(longestBefore + bound);
        assertThat(after.microsAboveCritical()).as(context).isLessThanOrEqualTo(before.microsAboveCritical() + bound);
        assertThat(longest(after)).as(context).isLessThanOrEqualTo(longestBefore);
        assertThat(after.microsAboveCritical()).as(context).isLessThanOrEqualTo(before.microsAboveCritical());
    }

    private static long longest(PoolResult p) {
        assertThat(p.windowCount()).isEqualTo(p.windows().size());   // nothing capped away
        return p.windows().stream().mapToLong(Window::durationMicros).max().orElse(0);
    }

    private static PoolResult analyze(AnalysisOptions options, List<PoolEvent> events) {
        Analysis a = new Analysis(options);
        events.forEach(a::accept);
        return a.finish(new InputSummary(List.of("t.jsonl"), events.size(), 0, 0, List.of())).pool();
    }

    /** Usage samples on a random walk around the critical 6 in two processes, refusals, warnings, other lines. */
    private static List<PoolEvent> randomLog(Random rnd, int n) {
        List<PoolEvent> out = new ArrayList<>();
        long t = Ev.at(0);
        int[] used = {5, 5};
        for (int i = 0; i < n; i++) {
            t += rnd.nextInt(rnd.nextInt(20) == 0 ? 150_000_000 : 3_000_000);   // now and then a quiet minute or two
            int p = rnd.nextInt(2);
            used[p] = Math.max(0, Math.min(10, used[p] + rnd.nextInt(5) - 2));
            int roll = rnd.nextInt(10);
            EventKind kind = roll == 0 ? EventKind.CHECKOUT_FAILED : roll == 1 ? EventKind.NEARLY_EXHAUSTED
                    : EventKind.OTHER;
            int stated = roll == 2 ? PoolEvent.NO_COUNT : used[p];
            out.add(new PoolEvent(kind, t, "p" + p, null, null, stated, 10, null, false, false, "t.jsonl", i + 1));
        }
        return out;
    }

    private static List<PoolEvent> withSilence(List<PoolEvent> events, int at, long silence) {
        List<PoolEvent> out = new ArrayList<>(events.subList(0, at));
        for (PoolEvent e : events.subList(at, events.size())) {
            out.add(new PoolEvent(e.kind(), e.time() + silence, e.process(), e.requestId(), e.connId(), e.poolUsed(),
                    e.poolMax(), e.endpoint(), e.statementTimeout(), e.exhaustionText(), e.source(), e.line()));
        }
        return out;
    }
}
