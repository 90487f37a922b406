package dev.poolscope.report.watch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.poolscope.analysis.LeakNotice;
import dev.poolscope.analysis.Level;
import dev.poolscope.gate.Alert;
import dev.poolscope.testing.LiveSamples;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class WatchMessagesTest {
    private static final Duration THRESHOLD = Duration.ofSeconds(60);
    private final LiveSamples sample = new LiveSamples("req-1");

    @Test
    void suspectAndReturnReadLikeHikariCpLeakDetection() {
        assertThat(sample.first.notices()).hasSize(1);
        assertThat(WatchMessages.notice(sample.first.notices().get(0), THRESHOLD)).isEqualTo(
                "leak suspected: request req-1 (GET /api/x) in process web/7 has held connection c1 for 1m35s,"
                        + " its request has ended");
        assertThat(WatchMessages.notice(sample.second.notices().get(0), THRESHOLD)).isEqualTo(
                "leak suspect returned: request req-1 (GET /api/x) in process web/7 gave connection c1 back after 1m40s");
        LeakNotice unseen = new LeakNotice(LeakNotice.Kind.RETURNED, "", null, null, null, 0, 75_000_000, false, false);
        assertThat(WatchMessages.notice(unseen, THRESHOLD)).isEqualTo(
                "long hold: a checkout without request id gave a connection back after 1m15s (leak threshold 1m00s)");
        LeakNotice old = new LeakNotice(LeakNotice.Kind.SUSPECTED, "", "r", null, null, 0, 61_000_000, false, false);
        assertThat(WatchMessages.notice(old, THRESHOLD)).endsWith("for 1m01s (leak threshold 1m00s)");
    }

    @Test
    void alertsNameTheChecksWorstFirst() {
        Alert alert = new Alert(Level.OK, Level.CRITICAL, 0, 2);
        assertThat(WatchMessages.alert(alert, sample.first)).isEqualTo("ALERT critical (was ok): pool used 75 > 70 critical,"
                + " requests without close 1 > 0 critical, getconn - putconn 1 ok; 2 change(s) held back by the cooldown");
        assertThat(WatchMessages.alert(new Alert(null, Level.CRITICAL, 0, 0), sample.first))
                .startsWith("ALERT critical (at start): ");
        assertThat(WatchMessages.alert(new Alert(Level.CRITICAL, Level.OK, 0, 0), sample.second))
                .startsWith("RECOVERED ok (was critical): ");
    }

    @Test
    void summaryGivesTheTotals() {
        assertThat(WatchMessages.summary(sample.second, "app.jsonl", Duration.ofMinutes(2), 4, 0, 1, 0)).containsExactly(
                "poolscope watch stopped after 2m00s following app.jsonl",
                "  read 4 lines (0 malformed), 4 events; level at stop: critical",
                "  getconn 1, putconn 1, failed getconn 0, statement timeouts 1",
                "  pool used 74 now, peak 75 (process web/7); open checkouts 0, leak delta +0",
                "  leak suspects: 1 reported, 1 returned, 0 still open; 0 silent process(es) forgotten with 0 open checkout(s)",
                "  alerts: 1 sent, 0 change(s) held back by the cooldown");
    }
}
