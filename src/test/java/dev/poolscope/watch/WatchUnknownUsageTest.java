package dev.poolscope.watch;

import static dev.poolscope.testing.WatchRig.finished;
import static dev.poolscope.testing.WatchRig.getconn;
import static dev.poolscope.testing.WatchRig.line;
import static org.assertj.core.api.Assertions.assertThat;

import dev.poolscope.testing.MiniJson;
import dev.poolscope.testing.WatchRig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue #15: a pool used the log never gave is null in the alert JSON and n/a on the status line, never 0. */
class WatchUnknownUsageTest {
    @TempDir
    Path dir;

    @Test
    void usageLastSeenLongAgoIsNullInTheAlertsChecks() throws Exception {
        Path log = dir.resolve("app.jsonl");
        Files.createFile(log);
        Path alerts = dir.resolve("alerts.jsonl");
        Path env = dir.resolve("env.txt");
        WatchRig rig = new WatchRig(log, false, "cat >> '" + alerts + "'; echo \"[$POOLSCOPE_POOL_USED]\" >> '"
                + env + "'", null);
        rig.after(Duration.ZERO);
        // no pool_used field anywhere: usage is implied by the one checkout at 1 s, then the process only logs
        // request ends for two minutes, past the staleness bound: pool used is unknown when the leak alerts
        rig.append(getconn(1, "r1", "c1", -1), finished(2, "r1"), finished(120, "r9"));
        rig.after(Duration.ofSeconds(10));
        assertThat(rig.lastStatus()).contains("CRITICAL used n/a (peak 1)");
        rig.watcher.finish(Duration.ofSeconds(10));   // waits for the alert command
        Map<String, String> j = MiniJson.flatten(Files.readAllBytes(alerts));
        assertThat(j).containsEntry("level", "critical").containsEntry("pool_used", null)
                .containsEntry("checks.0.metric", "pool_used").containsEntry("checks.0.value", null)
                .containsEntry("checks.0.level", null).containsEntry("pool_used_peak", "1");
        assertThat(j.get("summary")).contains("pool used n/a");
        assertThat(Files.readString(env)).isEqualTo("[]\n");
    }

    @Test
    void aLogThatNeverImpliesUsageShowsNotApplicable() throws Exception {
        Path log = dir.resolve("app.jsonl");
        Path prom = dir.resolve("w.prom");
        Files.createFile(log);
        WatchRig rig = new WatchRig(log, false, null, prom);
        rig.after(Duration.ZERO);
        rig.append(line("pool.getconn.FAILED", 1, "r1", null, -1), finished(2, "r1"));
        rig.after(Duration.ofSeconds(10));
        assertThat(rig.lastStatus()).contains("OK used n/a (peak n/a)").contains("1 failed");
        assertThat(Files.readString(prom)).contains("poolscope_pool_used{log=\"" + log + "\"} NaN")
                .contains("poolscope_pool_used_peak{log=\"" + log + "\"} NaN");
        rig.watcher.finish(Duration.ofSeconds(1));
        assertThat(rig.out.toString()).contains("pool used n/a now, peak n/a;");
    }
}
