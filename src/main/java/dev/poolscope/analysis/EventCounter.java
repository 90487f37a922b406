package dev.poolscope.analysis;

import dev.poolscope.event.PoolEvent;

/** Counts events by kind and tracks the time span; the simplest analyzer. */
public final class EventCounter implements Analyzer<Counts> {
    private long events;
    private long getconn;
    private long putconn;
    private long failed;
    private long nearly;
    private long exhaustion;
    private long missingTime;
    private long first = PoolEvent.NO_TIME;
    private long last = PoolEvent.NO_TIME;

    @Override
    public void accept(PoolEvent e) {
        events++;
        switch (e.kind()) {
            case CHECKOUT -> getconn++;
            case CHECKIN -> putconn++;
            case CHECKOUT_FAILED -> failed++;
            case NEARLY_EXHAUSTED -> nearly++;
            default -> { }
        }
        if (e.exhaustionText()) {
            exhaustion++;
        }
        if (e.hasTime()) {
            first = Counts.minTime(first, e.time());
            last = Counts.maxTime(last, e.time());
        } else {
            missingTime++;
        }
    }

    @Override
    public Counts finish() {
        return new Counts(events, getconn, putconn, failed, nearly, exhaustion, missingTime, first, last);
    }
}
