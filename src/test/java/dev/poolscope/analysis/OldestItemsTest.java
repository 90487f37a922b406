package dev.poolscope.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * OldestItems' rules: every offered checkout is counted, the oldest {@code max} are kept in the listing's order
 * (LeakItem.OLDEST_FIRST: time, process, file, line) whatever the order they come in, a checkout as old as the
 * youngest kept is compared by that whole order (not skipped on its time), items offered as LeakItems (settled
 * early) are kept but not counted, and a max of 0 keeps nothing.
 */
class OldestItemsTest {
    private static final long LAST = 1_000;
    private OpenCheckouts store = new OpenCheckouts();

    private int checkout(long at, long line) {
        return store.add("p1", null, "c" + line, at, null, "t.jsonl", line);
    }

    private static LeakItem item(long at, long line) {
        return new LeakItem("p1", null, "s" + line, null, at, LAST - at, true, "t.jsonl", line);
    }

    @Test
    void theOldestMaxAreKeptWhateverTheOrderAndEveryOfferIsCounted() {
        OldestItems oldest = new OldestItems(2, LAST);
        long[] times = {30, 10, 20, 5};
        for (int i = 0; i < times.length; i++) {
            oldest.offer(store, checkout(times[i], i + 1));
        }
        assertThat(oldest.count()).isEqualTo(4);
        assertThat(oldest.sorted()).extracting(LeakItem::acquiredAt).containsExactly(5L, 10L);
        assertThat(oldest.sorted()).extracting(LeakItem::ageMicros).containsExactly(LAST - 5, LAST - 10);
    }

    @Test
    void aCheckoutAsOldAsTheYoungestKeptIsComparedByLineNotSkipped() {
        for (boolean lowerLineFirst : new boolean[] {true, false}) {
            store = new OpenCheckouts();
            OldestItems oldest = new OldestItems(1, LAST);
            int line1 = checkout(7, 1);
            int line2 = checkout(7, 2);
            oldest.offer(store, lowerLineFirst ? line1 : line2);
            oldest.offer(store, lowerLineFirst ? line2 : line1);
            assertThat(oldest.sorted()).extracting(LeakItem::line).as("lower line first: " + lowerLineFirst)
                    .containsExactly(1L);
        }
    }

    @Test
    void itemsSettledEarlyAreKeptAmongTheOldestButNotCounted() {
        OldestItems oldest = new OldestItems(2, LAST);
        oldest.offer(store, checkout(10, 1));
        oldest.offer(store, checkout(20, 2));
        oldest.offer(item(5, 3));
        oldest.offer(item(50, 4));
        assertThat(oldest.count()).isEqualTo(2);
        assertThat(oldest.sorted()).extracting(LeakItem::line).containsExactly(3L, 1L);
    }

    @Test
    void aMaxOfZeroKeepsNothingButStillCounts() {
        OldestItems oldest = new OldestItems(0, LAST);
        oldest.offer(store, checkout(10, 1));
        oldest.offer(store, checkout(5, 2));
        oldest.offer(item(1, 3));
        assertThat(oldest.sorted()).isEmpty();
        assertThat(oldest.count()).isEqualTo(2);
    }
}
