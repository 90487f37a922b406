package dev.poolscope.analysis;

import dev.poolscope.event.PoolEvent;

/** Watches event times in input order for steps back and big jumps forward. */
final class ClockWatch {
    private long latest = PoolEvent.NO_TIME;
    private long outOfOrder;
    private long largestStepBack;
    private TimeQuality.Place stepBackAt;
    private long largestGap;
    private TimeQuality.Place gapAt;

    void accept(PoolEvent e) {
        if (!e.hasTime()) {
            return;
        }
        if (latest == PoolEvent.NO_TIME) {
            latest = e.time();
            return;
        }
        long step = e.time() - latest;
        if (step < 0) {
            outOfOrder++;
            if (-step > largestStepBack) {
                largestStepBack = -step;
                stepBackAt = new TimeQuality.Place(e.source(), e.line());
            }
        } else {
            if (step > largestGap) {
                largestGap = step;
                gapAt = new TimeQuality.Place(e.source(), e.line());
            }
            latest = e.time();
        }
    }

    TimeQuality finish(long negativeHolds, long sameTimeReorders) {
        return new TimeQuality(outOfOrder, largestStepBack, stepBackAt, largestGap, gapAt, negativeHolds,
                sameTimeReorders);
    }
}
