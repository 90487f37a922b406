package dev.poolscope.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.poolscope.event.EventKind;
import dev.poolscope.event.PoolEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class CountsTest {
    private final Random random = new Random(20260106);

    private Counts randomCounts() {
        boolean timed = random.nextInt(4) > 0;
        long first = timed ? random.nextInt(1_000_000) : PoolEvent.NO_TIME;
        long last = timed ? first + random.nextInt(1_000_000) : PoolEvent.NO_TIME;
        return new Counts(random.nextInt(1000), random.nextInt(500), random.nextInt(500), random.nextInt(50),
                random.nextInt(50), random.nextInt(50), random.nextInt(5), first, last);
    }

    @RepeatedTest(50)
    void mergeIsAssociative() {
        Counts a = randomCounts();
        Counts b = randomCounts();
        Counts c = randomCounts();
        assertThat(a.merge(b).merge(c)).isEqualTo(a.merge(b.merge(c)));
    }

    @RepeatedTest(20)
    void emptyIsTheIdentity() {
        Counts a = randomCounts();
        assertThat(a.merge(Counts.empty())).isEqualTo(a);
        assertThat(Counts.empty().merge(a)).isEqualTo(a);
    }

    @Test
    void splittingTheEventsAnywhereGivesTheSameCounts() {
        EventKind[] kinds = EventKind.values();
        List<PoolEvent> events = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            long time = random.nextInt(10) == 0 ? PoolEvent.NO_TIME : 1_000_000L * random.nextInt(10_000);
            events.add(new PoolEvent(kinds[random.nextInt(kinds.length)], time, "p", null, null, -1, -1, null,
                    false, random.nextInt(7) == 0, "f", i + 1));
        }
        Counts whole = count(events);
        for (int split = 0; split <= events.size(); split++) {
            Counts merged = count(events.subList(0, split)).merge(count(events.subList(split, events.size())));
            assertThat(merged).as("split at %d", split).isEqualTo(whole);
        }
        assertThat(whole.leakDelta()).isEqualTo(whole.getconn() - whole.putconn());
    }

    private static Counts count(List<PoolEvent> events) {
        EventCounter counter = new EventCounter();
        events.forEach(counter::accept);
        return counter.finish();
    }
}
