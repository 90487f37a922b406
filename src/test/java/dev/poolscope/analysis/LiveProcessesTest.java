package dev.poolscope.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.poolscope.event.EventKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rules of watch's per-process live state (docs/watch.md), one per test. */
class LiveProcessesTest {
    private static final long MINUTE = Ev.micros(60);

    private static LiveProcesses feed(Ev... events) {
        LiveProcesses live = new LiveProcesses();
        Ev.build(events).forEach(live::accept);
        return live;
    }

    @Test
    void usageIsCheckoutsMinusCheckinsWhenTheLogStatesNone() {
        // 2 checkouts, 1 checkin: 2 - 1 = 1 connection in use; getconn - putconn = 1 too.
        LiveProcesses live = feed(Ev.getconn(0), Ev.getconn(1), Ev.putconn(2));
        assertEquals(1, live.usedNow(Ev.at(2), MINUTE));
        assertEquals(1L, live.leakDelta());
        assertEquals(2, live.peak());
    }

    @Test
    void aStatedUsageIsNotOverwrittenByLaterCheckoutsWithoutOne() {
        // The pool said 5 in use; a later bare checkout would reconstruct 1, but the stated 5 stands.
        LiveProcesses live = feed(Ev.other(0).used(5), Ev.getconn(1));
        assertEquals(5, live.usedNow(Ev.at(1), MINUTE));
        assertEquals(5, live.peak());
    }

    @Test
    void linesThatNeitherCheckOutNorInImplyNoUsage() {
        // Only an OTHER line and no stated usage: the pool used is unknown (-1), not 0 (issue #15).
        LiveProcesses live = feed(Ev.other(0));
        assertEquals(-1, live.usedNow(Ev.at(0), MINUTE));
        assertEquals(-1, live.peak());
        assertNull(live.peakProcess());
    }

    @Test
    void reconstructedUsageIsSampledWhenItChangesNotWhenAnyLineIsSeen() {
        // Checkout at 0 s samples usage 1; an OTHER line at 100 s does not re-sample it. At 100 s with
        // staleAfter 60 s the sample is 100 s old > 60 s: unknown (-1). At 50 s it is 50 s old: 1.
        LiveProcesses live = feed(Ev.getconn(0), Ev.other(100));
        assertEquals(-1, live.usedNow(Ev.at(100), MINUTE));
        assertEquals(1, live.usedNow(Ev.at(50), MINUTE));
    }

    @Test
    void thePeakProcessOnATieIsTheFirstToReachIt() {
        // p1 reaches 2 in use first, p2 reaches 2 later: a tie is not a new peak, p1 stays.
        LiveProcesses live = feed(Ev.getconn(0).pid("p1"), Ev.getconn(1).pid("p1"),
                Ev.getconn(2).pid("p2"), Ev.getconn(3).pid("p2"));
        assertEquals(2, live.peak());
        assertEquals("p1", live.peakProcess());
    }

    @Test
    void aProcessSilentExactlyUpToTheCutoffIsKept() {
        // p1 last seen at 10 s, p2 at 20 s; cutoff 20 s forgets only those seen strictly before it: p1.
        LiveProcesses live = feed(Ev.other(10).pid("p1"), Ev.other(20).pid("p2"));
        assertEquals(List.of("p1"), live.forgetSilentSince(Ev.at(20)));
        assertEquals(1, live.count());
    }

    @Test
    void lastSeenIsTheLinesOwnTimeNotTheLatestOfTheLog() {
        // p1 at 100 s, p2 at 200 s, then p1 again at 150 s (an interleaved, later-flushed line):
        // p1 was last seen at 150 s, so a cutoff of 160 s forgets it though the log reached 200 s.
        LiveProcesses live = feed(Ev.other(100).pid("p1"), Ev.other(200).pid("p2"), Ev.other(150).pid("p1"));
        assertEquals(List.of("p1"), live.forgetSilentSince(Ev.at(160)));
    }

    @Test
    void anUntimedLineCountsAsSeenAtTheLatestTime() {
        // p1 at 200 s, then an untimed line of p2: p2 seen at 200 s (the latest), so cutoff 300 s forgets
        // both (200 < 300); cutoff 200 s would keep both.
        LiveProcesses live = feed(Ev.other(200).pid("p1"), Ev.untimed(EventKind.OTHER).pid("p2"));
        assertEquals(List.of(), live.forgetSilentSince(Ev.at(200)));
        assertEquals(List.of("p1", "p2"), live.forgetSilentSince(Ev.at(300)));
    }

    @Test
    void processesEvictedOverTheCapAreReportedOnce() {
        // MAX_PROCESSES + 1 distinct processes: the eldest (p0) is evicted, reported by the next
        // forget call (cutoff before every line, so nothing else goes) and not by the one after.
        LiveProcesses live = new LiveProcesses();
        for (int i = 0; i <= LiveProcesses.MAX_PROCESSES; i++) {
            live.accept(Ev.other(i).pid("p" + i).build(i + 1));
        }
        assertEquals(LiveProcesses.MAX_PROCESSES, live.count());
        assertEquals(List.of("p0"), live.forgetSilentSince(Ev.at(0)));
        assertEquals(List.of(), live.forgetSilentSince(Ev.at(0)));
    }
}
