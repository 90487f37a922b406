package dev.poolscope.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;

/**
 * The oldest {@code max} of a stream of open checkouts, as report items, plus how many were offered: a
 * streaming top-N, so that listing the oldest thousand of ten million leaks reads only those into objects.
 * Order is {@link LeakItem#OLDEST_FIRST}.
 */
final class OldestItems {
    private final int max;
    private final long lastTime;
    private final PriorityQueue<LeakItem> youngestFirst = new PriorityQueue<>(LeakItem.OLDEST_FIRST.reversed());
    private long count;

    OldestItems(int max, long lastTime) {
        this.max = max;
        this.lastTime = lastTime;
    }

    /** Counts a stored checkout, and keeps it if among the oldest so far. */
    void offer(OpenCheckouts store, int s) {
        count++;
        if (max <= 0) {
            return;
        }
        // most checkouts are younger than the youngest kept: decided on the time alone, no objects
        if (youngestFirst.size() == max && store.acquiredAt(s) > youngestFirst.peek().acquiredAt()) {
            return;
        }
        keep(store.view(s).toLeak(lastTime));
    }

    /** Keeps an item that is not counted (leaks settled early are counted elsewhere). */
    void offer(LeakItem item) {
        if (max > 0) {
            keep(item);
        }
    }

    private void keep(LeakItem item) {
        if (youngestFirst.size() < max) {
            youngestFirst.add(item);
        } else if (LeakItem.OLDEST_FIRST.compare(item, youngestFirst.peek()) < 0) {
            // ("<= 0" is equivalent: items that compare equal share time, process, file and line, so they are one
            // line's checkout, offered once; the same file read twice gives equal items)
            youngestFirst.poll();
            youngestFirst.add(item);
        }
    }

    long count() {
        return count;
    }

    /** The kept items, oldest first. */
    List<LeakItem> sorted() {
        List<LeakItem> out = new ArrayList<>(youngestFirst);
        out.sort(LeakItem.OLDEST_FIRST);
        return out;
    }
}
