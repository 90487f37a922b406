package dev.poolscope.analysis;

import dev.poolscope.event.PoolEvent;

/** How often one thing was seen (a relation, an error text) and when first and last. */
public record SignalTally(long count, long first, long last) {

    static SignalTally of(long time) {
        return new SignalTally(1, time, time);
    }

    /** Two tallies of the same thing; associative. */
    public SignalTally merge(SignalTally o) {
        return new SignalTally(count + o.count, Counts.minTime(first, o.first), Counts.maxTime(last, o.last));
    }

    public boolean hasTime() {
        return first != PoolEvent.NO_TIME;
    }
}
