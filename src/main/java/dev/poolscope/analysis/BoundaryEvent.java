package dev.poolscope.analysis;

import dev.poolscope.event.EventKind;
import dev.poolscope.event.PoolEvent;

/**
 * An event of a summary that an earlier summary's open checkouts may answer: a checkin that found nothing
 * open (an orphan), or a request's end near the start. Merging replays them against the earlier summary.
 */
public record BoundaryEvent(EventKind kind, long time, String process, String requestId, String connId,
                            String endpoint, String source, long line) {

    static BoundaryEvent of(PoolEvent e) {
        return new BoundaryEvent(e.kind(), e.time(), e.process(), e.requestId(), e.connId(), e.endpoint(),
                e.source(), e.line());
    }

    PoolEvent toEvent() {
        return new PoolEvent(kind, time, process, requestId, connId, PoolEvent.NO_COUNT, PoolEvent.NO_COUNT, endpoint,
                false, false, source, line);
    }
}
