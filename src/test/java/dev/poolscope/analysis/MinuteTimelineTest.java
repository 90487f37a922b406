package dev.poolscope.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.poolscope.event.PoolEvent;
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

    @Test
    void thePeakOfAMinuteIsItsHighestUsageAndUntimedUsageIsDropped() {
        // Usage 3, 7, 2 within the first minute: peak 7. A usage with no time has no minute: no row.
        MinuteTimeline t = new MinuteTimeline();
        t.used(PoolEvent.NO_TIME, 9);
        assertEquals(List.of(), t.rows());
        t.used(Ev.at(10), 3);
        t.used(Ev.at(20), 7);
        t.used(Ev.at(30), 2);
        assertEquals(1, t.rows().size());
        assertEquals(7, t.rows().get(0).peakUsed());
    }

    @Test
    void timeAboveTheThresholdIsSplitAtMinuteEdges() {
        // Above from 30 s to 150 s: 30 s in minute 0 (30..60), 60 s in minute 1, 30 s in minute 2 (120..150).
        // An empty, reversed or untimed span adds nothing. (The "to <= from" boundary is equivalent as
        // "to < from": an empty span runs the loop zero times.)
        MinuteTimeline t = new MinuteTimeline();
        t.above(Ev.at(30), Ev.at(150));
        t.above(Ev.at(200), Ev.at(190));
        t.above(PoolEvent.NO_TIME, Ev.at(10));
        List<TimelineRow> rows = t.rows();
        assertEquals(3, rows.size());
        assertEquals(List.of(Ev.micros(30), Ev.micros(60), Ev.micros(30)),
                rows.stream().map(TimelineRow::aboveMicros).toList());
        assertEquals(Ev.at(120), rows.get(2).start());
    }

    @Test
    void addingRowsAddsEveryColumnAndTimeoutsByEndpoint() {
        // Timeline a: minute 0 with 1 checkout, a timeout on /a, peak 4, 10 s above. Timeline b counts a
        // timeout on /a and one on /b in minute 0 and has peak 6, then adds a's rows:
        // 1 checkout, 3 timeouts (/a=2, /b=1), peak max(4, 6) = 6, 10 s above.
        MinuteTimeline a = new MinuteTimeline();
        Ev.build(Ev.getconn(1), Ev.other(2).timeout().endpoint("/a")).forEach(a::count);
        a.used(Ev.at(3), 4);
        a.above(Ev.at(5), Ev.at(15));
        MinuteTimeline b = new MinuteTimeline();
        Ev.build(Ev.other(4).timeout().endpoint("/a"), Ev.other(5).timeout().endpoint("/b")).forEach(b::count);
        b.used(Ev.at(6), 6);
        b.add(a.rows());
        TimelineRow r = b.rows().get(0);
        assertEquals(1, b.rows().size());
        assertEquals(1, r.getconn());
        assertEquals(3, r.statementTimeouts());
        assertEquals(Map.of("/a", 2L, "/b", 1L), r.timeoutsByEndpoint());
        assertEquals(6, r.peakUsed());
        assertEquals(Ev.micros(10), r.aboveMicros());
    }
}
