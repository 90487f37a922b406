package dev.poolscope.watch;

import static dev.poolscope.testing.WatchRig.finished;
import static dev.poolscope.testing.WatchRig.getconn;
import static dev.poolscope.testing.WatchRig.putconn;
import static org.assertj.core.api.Assertions.assertThat;

import dev.poolscope.analysis.Level;
import dev.poolscope.analysis.LiveStatus;
import dev.poolscope.testing.WatchRig;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The watch loop on a real file the test appends to, rotates and truncates, with a hand-moved clock.
 * Expected lines are worked out by hand from the appended lines (times are seconds after T0).
 */
class WatcherTest {
    private static final Duration TEN = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    @Test
    void statusLinesAlertsCooldownAlertCommandAndMetrics() throws IOException {
        Path log = dir.resolve("app.jsonl");
        Path prom = dir.resolve("poolscope.prom");
        Files.createFile(log);
        String cmd = "cat >> '" + dir.resolve("alerts.jsonl") + "'; echo \"$POOLSCOPE_LEVEL $POOLSCOPE_PREVIOUS_LEVEL"
                + " $POOLSCOPE_REQUESTS_WITHOUT_CLOSE\" >> '" + dir.resolve("env.txt") + "'";
        WatchRig rig = new WatchRig(log, false, cmd, prom);

        rig.after(Duration.ZERO);
        // nothing read yet: pool used is unknown, not 0 (issue #15)
        assertThat(rig.lastStatus()).isEqualTo(
                "2026-01-01T00:00:00Z OK used n/a (peak n/a) | open 0 | delta +0 | so far: 0 events, 0 failed, 0 timeouts | oldest -");

        rig.append(getconn(1, "r1", "c1", 1), putconn(2, "r1", "c1", 0));
        rig.after(TEN);
        assertThat(rig.lastStatus()).isEqualTo("2026-01-01T00:00:10Z OK used 0 (peak 1, max 80) | open 0 | delta +0"
                + " | in 10s: 2 events, 0 failed, 0 timeouts | oldest -");

        rig.append(getconn(12, "r2", "c2", 1), finished(13, "r2"));   // a request that leaves without putconn
        rig.after(Duration.ZERO);                                       // read as written, at wall 00:00:10
        rig.after(TEN);                                                 // log time now 13 s + 10 s quiet = 23 s
        assertThat(rig.lastStatus()).isEqualTo("2026-01-01T00:00:20Z CRITICAL used 1 (peak 1, max 80) | open 1 | delta +1"
                + " | in 10s: 2 events, 0 failed, 0 timeouts | oldest 11s r2 GET /api/items/{id} (ended)");
        assertThat(rig.errLines()).endsWith(
                "2026-01-01T00:00:20Z leak suspected: request r2 (GET /api/items/{id}) in process 7 has held connection c2"
                        + " for 11s, its request has ended",
                "2026-01-01T00:00:20Z ALERT critical (was ok): requests without close 1 > 0 critical, pool used 1 ok,"
                        + " getconn - putconn 1 ok");
        assertThat(Files.readString(prom)).contains("poolscope_level{log=\"" + log + "\"} 2\n");

        rig.append(putconn(25, "r2", "c2", 0));                         // it comes back after all
        rig.after(TEN);
        assertThat(rig.errLines()).endsWith(
                "2026-01-01T00:00:30Z leak suspect returned: request r2 (GET /api/items/{id}) in process 7 gave"
                        + " connection c2 back after 13s",
                "2026-01-01T00:00:30Z RECOVERED ok (was critical): pool used 0 ok, getconn - putconn 0 ok,"
                        + " requests without close 0 ok");

        rig.append(getconn(31, "r3", "c3", 1), finished(32, "r3"));   // leaks again: critical within the cooldown
        int errBefore = rig.errLines().size();
        rig.after(Duration.ZERO);                                       // read at wall 00:00:30
        rig.after(TEN);
        assertThat(rig.lastStatus()).startsWith("2026-01-01T00:00:40Z CRITICAL");
        assertThat(rig.errLines().subList(errBefore, rig.errLines().size())).singleElement().asString()
                .startsWith("2026-01-01T00:00:40Z leak suspected: request r3");

        rig.after(Duration.ofMinutes(5));   // 5m20s after the first critical alert; log time 32 s + 5m10s quiet
        // process 7 last stated its usage 5m09s ago, past the 60 s staleness bound: unknown, not 1
        assertThat(rig.errLines()).last().isEqualTo("2026-01-01T00:05:40Z ALERT critical (was ok): requests without"
                + " close 1 > 0 critical, pool used n/a, getconn - putconn 1 ok; 1 change(s) held back by the cooldown");
        assertThat(rig.lastStatus()).endsWith("| in 5m00s: 0 events, 0 failed, 0 timeouts | oldest 5m11s r3"
                + " GET /api/items/{id} (ended)");

        LiveStatus last = rig.watcher.finish(Duration.ofSeconds(10));
        assertThat(last.level()).isEqualTo(Level.CRITICAL);
        assertThat(rig.outLines()).endsWith(
                "poolscope watch stopped after 5m40s following " + log,
                "  read 7 lines (0 malformed), 7 events; level at stop: critical",
                "  getconn 3, putconn 2, failed getconn 0, statement timeouts 0",
                "  pool used n/a now, peak 1 (process 7); open checkouts 1, leak delta +1",
                "  leak suspects: 2 reported, 1 returned, 1 still open; 0 silent process(es) forgotten with 0 open checkout(s)",
                "  alerts: 3 sent, 0 change(s) held back by the cooldown");

        List<String> alerts = Files.readAllLines(dir.resolve("alerts.jsonl"));
        assertThat(alerts).hasSize(3);
        assertThat(alerts.get(0)).contains("\"level\":\"critical\"", "\"previous_level\":\"ok\"", "\"request_id\":\"r2\"");
        assertThat(alerts.get(1)).contains("\"level\":\"ok\"", "\"previous_level\":\"critical\"");
        assertThat(alerts.get(2)).contains("\"level\":\"critical\"", "\"changes_held_back\":1", "\"request_id\":\"r3\"");
        assertThat(Files.readAllLines(dir.resolve("env.txt"))).containsExactly("critical ok 1", "ok critical 0", "critical ok 1");

        String metrics = Files.readString(prom);
        String label = "{log=\"" + log + "\"} ";
        assertThat(metrics).contains("poolscope_alerts_total" + label + "3\n", "poolscope_getconn_total" + label + "3\n",
                "poolscope_putconn_total" + label + "2\n", "poolscope_leak_suspicions_total" + label + "2\n",
                "poolscope_leak_returns_total" + label + "1\n", "poolscope_lines_total" + label + "7\n",
                "poolscope_oldest_checkout_age_seconds" + label + "311.000000\n");
    }

    @Test
    void survivesRenameRotationAndCopyTruncateWithoutLosingOrRepeatingLines() throws IOException {
        Path log = dir.resolve("app.jsonl");
        Files.createFile(log);
        WatchRig rig = new WatchRig(log, false, null, null);
        rig.after(Duration.ZERO);
        rig.append(getconn(1, "r1", "c1", 1));
        rig.after(TEN);
        rig.append(putconn(2, "r1", "c1", 0));                          // the last line of the old file
        Files.move(log, dir.resolve("app.jsonl.1"));
        rig.append(getconn(3, "r2", "c2", 1), putconn(4, "r2", "c2", 0));
        rig.after(TEN);
        assertThat(rig.errLines()).contains("poolscope: " + log + " was rotated; finished the old file, now reading the new one");
        assertThat(rig.lastStatus()).contains("| open 0 | delta +0 | in 10s: 3 events");

        Files.copy(log, dir.resolve("app.jsonl.2"));                  // copytruncate
        try (FileChannel ch = FileChannel.open(log, StandardOpenOption.WRITE)) {
            ch.truncate(0);
        }
        rig.append(getconn(5, "r3", "c3", 1));
        rig.after(TEN);
        assertThat(rig.errLines()).last().asString().contains("was truncated");
        assertThat(rig.lastStatus()).contains("| open 1 | delta +1 | in 10s: 1 events");
        assertThat(rig.watcher.finish(Duration.ZERO).totals().counts().getconn()).isEqualTo(3);
    }

    @Test
    void waitsForALogThatDoesNotExistYet() throws IOException {
        Path log = dir.resolve("later.jsonl");
        WatchRig rig = new WatchRig(log, false, null, null);
        rig.after(Duration.ZERO);
        assertThat(rig.errLines()).containsExactly("poolscope: " + log + " does not exist (yet); waiting for it to appear");
        rig.append(getconn(1, "r1", "c1", 1), getconn(2, "r2", "c2", 2));
        rig.after(TEN);
        assertThat(rig.errLines()).last().isEqualTo("poolscope: reading " + log + " from its start");
        assertThat(rig.lastStatus()).contains("used 2 (peak 2, max 80) | open 2 | delta +2 | in 10s: 2 events");
    }

    @Test
    void brokenLinesAreCountedAndTheRestStillRead() throws IOException {
        Path log = dir.resolve("app.jsonl");
        Files.createFile(log);
        WatchRig rig = new WatchRig(log, false, null, null);
        rig.after(Duration.ZERO);
        rig.append("not json", getconn(1, "r1", "c1", 1), "{\"event\": \"cut", "");
        rig.after(TEN);
        assertThat(rig.lastStatus()).contains("open 1");
        rig.watcher.finish(Duration.ZERO);
        assertThat(rig.outLines()).contains("  read 4 lines (2 malformed), 1 events; level at stop: ok");
    }
}
