package dev.poolscope.watch;

import static dev.poolscope.testing.WatchRig.finished;
import static dev.poolscope.testing.WatchRig.getconn;
import static org.assertj.core.api.Assertions.assertThat;

import dev.poolscope.report.Redactor;
import dev.poolscope.testing.WatchRig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15.3: {@code watch --redact} masks the status line, leak notices, alerts, the {@code --alert-cmd} JSON and
 * environment, the Prometheus file (its {@code log} label) and the summary at stop. The same leak is watched
 * twice, without and with the redactor: the secret must reach each output in the first run and none in the second.
 */
class WatchRedactTest {
    private static final String SECRET = "hunter2";
    private static final String REQ = "postgresql://app:" + SECRET + "@db/prod";

    @TempDir
    Path dir;

    private String[] watch(String name, Redactor r) throws IOException {
        Path home = Files.createDirectories(dir.resolve(name).resolve("password=" + SECRET));   // in the log's path
        Path log = Files.createFile(home.resolve("app.jsonl"));
        Path prom = home.resolve("pool.prom");
        String cmd = "cat >> '" + home.resolve("alerts.jsonl") + "'; env | grep ^POOLSCOPE_ >> '"
                + home.resolve("env.txt") + "'";
        WatchRig rig = new WatchRig(log, false, cmd, prom, r);
        rig.after(Duration.ZERO);
        rig.append(getconn(1, REQ, "c1", 75), finished(2, REQ));   // leaves without putconn
        rig.after(Duration.ZERO);
        rig.after(Duration.ofSeconds(10));
        rig.watcher.finish(Duration.ofSeconds(10));
        return new String[] {rig.out.toString(), rig.err.toString(), Files.readString(home.resolve("alerts.jsonl")),
            Files.readString(home.resolve("env.txt")), Files.readString(prom)};
    }

    @Test
    void everyWatchOutputIsMasked() throws IOException {
        String[] names = {"status lines and stop summary", "notices and alerts", "alert JSON", "alert environment",
            "Prometheus"};
        String[] plain = watch("plain", Redactor.none());
        String[] masked = watch("masked", Redactor.defaults());
        for (int i = 0; i < names.length; i++) {
            assertThat(plain[i]).as(names[i] + " without --redact").contains(SECRET);
            assertThat(masked[i]).as(names[i] + " with --redact").doesNotContain(SECRET).contains("***");
        }
        assertThat(masked[0]).contains("CRITICAL").contains("postgresql://app:***@db/prod");
        assertThat(masked[4]).contains("poolscope_level{log=\"");
    }
}
