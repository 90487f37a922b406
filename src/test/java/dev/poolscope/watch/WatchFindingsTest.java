package dev.poolscope.watch;

import static dev.poolscope.testing.WatchRig.finished;
import static dev.poolscope.testing.WatchRig.getconn;
import static dev.poolscope.testing.WatchRig.putconn;
import static org.assertj.core.api.Assertions.assertThat;

import dev.poolscope.report.Redactor;
import dev.poolscope.testing.MiniJson;
import dev.poolscope.testing.WatchRig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #17: watch alerts once per finding, the first time it reaches critical. docs/findings.md's defaults:
 * route-leaks-connections fires at 3 leaked checkouts and is critical from 10.
 */
class WatchFindingsTest {
    private static final Duration TEN = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    /** {@code n} requests from {@code second} on, each taking a connection and ending without returning it. */
    private static String[] leaks(int second, int n, String prefix) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(getconn(second + i, prefix + i, prefix + "c" + i, i + 1));
            out.add(finished(second + i, prefix + i));
        }
        return out.toArray(String[]::new);
    }

    private WatchRig rig(String cmd) throws IOException {
        Path log = dir.resolve("app.jsonl");
        Files.createFile(log);
        return new WatchRig(log, false, cmd, null, Redactor.none(), true);
    }

    private static long count(List<String> lines, String text) {
        return lines.stream().filter(l -> l.contains(text)).count();
    }

    @Test
    void aCriticalFindingAlertsOnceMidStreamWithItsIdInTheJsonAndEnvironment() throws Exception {
        Path alerts = dir.resolve("alerts.jsonl");
        Path env = dir.resolve("env.txt");
        WatchRig rig = rig("cat >> '" + alerts + "'; echo \"$POOLSCOPE_KIND $POOLSCOPE_FINDING_ID"
                + " $POOLSCOPE_FINDING_SEVERITY\" >> '" + env + "'");
        rig.append(getconn(1, "ok1", "a", 1), putconn(2, "ok1", "a", 0));
        rig.after(Duration.ZERO);
        rig.append(leaks(3, 10, "leak"));
        rig.after(TEN);
        // more leaks later: the finding is still critical, but it was already announced
        rig.append(leaks(20, 5, "more"));
        rig.after(TEN);
        rig.after(TEN);
        rig.watcher.finish(Duration.ofSeconds(10));

        List<String> err = rig.errLines();
        assertThat(count(err, "FINDING critical route-leaks-connections (docs/findings.md#route-leaks-connections): "
                + "10 connections never returned")).isEqualTo(1);
        assertThat(count(err, "FINDING ")).as("only route-leaks is critical here").isEqualTo(1);
        assertThat(rig.outLines()).contains("  findings that reached critical: route-leaks-connections");

        List<String> sent = Files.readAllLines(alerts);
        List<Map<?, ?>> findings = new ArrayList<>();
        for (String l : sent) {
            Map<?, ?> m = (Map<?, ?>) MiniJson.parse(l);
            if ("finding".equals(m.get("kind"))) {
                findings.add(m);
            }
        }
        assertThat(findings).hasSize(1);
        Map<?, ?> f = (Map<?, ?>) findings.get(0).get("finding");
        assertThat(f.get("id")).isEqualTo("route-leaks-connections");
        assertThat(f.get("severity")).isEqualTo("critical");
        assertThat((String) f.get("title")).startsWith("10 connections never returned, by 10 requests");
        assertThat(Files.readAllLines(env)).contains("finding route-leaks-connections critical");
        // the level alert is still sent, and says it is one
        assertThat(sent.stream().filter(l -> l.contains("\"kind\":\"level\""))).isNotEmpty();
    }

    @Test
    void aNearMissDoesNotAlert() throws Exception {
        WatchRig rig = rig(null);
        rig.after(Duration.ZERO);
        rig.append(leaks(1, 9, "leak"));   // 9 leaks: route-leaks is a warning, one short of critical
        rig.after(TEN);
        rig.after(TEN);
        rig.watcher.finish(Duration.ofSeconds(1));
        assertThat(rig.out.toString()).contains("| open 9 |");   // the leaks were read
        assertThat(rig.err.toString()).contains("ALERT critical");   // the level is critical all the same
        assertThat(count(rig.errLines(), "FINDING")).isZero();
        assertThat(rig.outLines()).contains("  findings that reached critical: none");
    }

    @Test
    void findingsAreMaskedUnderRedact() throws Exception {
        Path alerts = dir.resolve("alerts.jsonl");
        Path log = dir.resolve("app.jsonl");
        Files.createFile(log);
        WatchRig rig = new WatchRig(log, false, "cat >> '" + alerts + "'", null, Redactor.defaults(), true);
        rig.after(Duration.ZERO);
        List<String> lines = new ArrayList<>();
        for (String l : leaks(1, 10, "leak")) {
            lines.add(l.replace("/api/items/", "/api/login/password=hunter2/"));
        }
        rig.append(lines.toArray(String[]::new));
        rig.after(TEN);
        rig.watcher.finish(Duration.ofSeconds(10));
        assertThat(rig.err.toString()).contains("FINDING critical route-leaks-connections");
        String json = Files.readString(alerts);
        assertThat(json).contains("\"kind\":\"finding\"").contains("password=***").doesNotContain("hunter2");
        assertThat(rig.err.toString()).doesNotContain("hunter2");
    }
}
