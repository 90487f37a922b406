package dev.poolscope.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Per-minute tallies: what each kind of event adds, and where a minute starts and ends. */
class MinuteTimelineTest {
    private static List<TimelineRow> rows(Ev... events) {
        MinuteTimeline t = new MinuteTimeline();
        Ev.build(events).forEach(t::count);
        return t.rows();
    }

    @Test
    void eachKindIsCountedInItsOwnColumn() {
        // One minute: 2 checkouts, 1 checkin, 3 failed checkouts, 1 "nearly exhausted", no timeout.
        List<TimelineRow> rows = rows(Ev.getconn(1), Ev.getconn(2), Ev.putconn(3),
                Ev.failed(4), Ev.failed(5), Ev.failed(6), Ev.nearly(7));
        assertEquals(1, rows.size());
        TimelineRow r = rows.get(0);
        assertEquals(2, r.getconn());
        assertEquals(1, r.putconn());
        assertEquals(3, r.getconnFailed());
        assertEquals(1, r.nearlyExhausted());
        assertEquals(0, r.statementTimeouts());
        assertEquals(Map.of(), r.timeoutsByEndpoint());
    }

    @Test
    void onlyStatementTimeoutsAreCountedAsTimeoutsByEndpoint() {
        // A plain checkout plus two timeouts on /a and one with no endpoint: 3 timeouts, /a=2, unknown=1.
        List<TimelineRow> rows = rows(Ev.getconn(1).endpoint("/b"), Ev.other(2).timeout().endpoint("/a"),
                Ev.other(3).timeout().endpoint("/a"), Ev.other(4).timeout());
        TimelineRow r = rows.get(0);
        assertEquals(3, r.statementTimeouts());
        assertEquals(Map.of("/a", 2L, Endpoint.UNKNOWN, 1L), r.timeoutsByEndpoint());
    }

    @Test
    void aMinuteStartsOnTheMinuteAndTakesItsLastMicrosecond() {
        // BASE is 10:00:00, on a minute. 59.999999 s is still the first minute; 60 s opens the second.
        List<TimelineRow> rows = rows(Ev.getconn(0), Ev.getconn(59.999999), Ev.getconn(60), Ev.getconn(119));
        assertEquals(2, rows.size());
        assertEquals(Ev.at(0), rows.get(0).start());
        assertEquals(2, rows.get(0).getconn());
        assertEquals(Ev.at(60), rows.get(1).start());
        assertEquals(2, rows.get(1).getconn());
    }
}
