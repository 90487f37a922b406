package dev.poolscope.analysis;

import dev.poolscope.event.EventKind;
import dev.poolscope.event.PoolEvent;

/** What the usage tracker reads from one event, kept while a process's usage still depends on earlier logs. */
public record UsageStep(EventKind kind, long time, int used) {

    static UsageStep of(PoolEvent e) {
        return new UsageStep(e.kind(), e.time(), e.poolUsed());
    }

    PoolEvent toEvent(String process) {
        return new PoolEvent(kind, time, process, null, null, used, PoolEvent.NO_COUNT, null, false, false, null, 0);
    }
}
