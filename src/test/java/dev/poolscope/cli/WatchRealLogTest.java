package dev.poolscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.poolscope.analysis.LiveStatus;
import dev.poolscope.testing.MiniJson;
import dev.poolscope.testing.WatchRig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code watch --from-start} over the real structlog + psycopg2 capture: the live figures at the end must
 * match what the service itself recorded (app.truth.json), read independently of poolscope.
 */
class WatchRealLogTest {
    private static final Path FIXTURE = Path.of("src/test/resources/fixtures/real-structlog");

    @TempDir
    Path dir;

    @Test
    void liveFiguresAtTheEndOfTheRealCaptureMatchItsTruth() throws IOException {
        Map<String, String> truth = MiniJson.flatten(Files.readAllBytes(FIXTURE.resolve("app.truth.json")));
        Path log = Files.copy(FIXTURE.resolve("app.jsonl"), dir.resolve("app.jsonl"));
        WatchRig rig = new WatchRig(log, true, null, null);
        rig.after(Duration.ZERO);
        LiveStatus s = rig.watcher.finish(Duration.ZERO);

        long leaked = Long.parseLong(truth.get("leaks.leaked_connections"));
        assertThat(s.totals().counts().getconn()).isEqualTo(Long.parseLong(truth.get("counts.getconn_success")));
        assertThat(s.totals().counts().putconn()).isEqualTo(Long.parseLong(truth.get("counts.putconn_success")));
        assertThat(s.totals().counts().getconnFailed()).isEqualTo(Long.parseLong(truth.get("counts.getconn_failed")));
        assertThat(s.totals().statementTimeouts()).isEqualTo(Long.parseLong(truth.get("counts.statement_timeouts")));
        assertThat(s.leakDelta()).isEqualTo(Long.parseLong(truth.get("counts.leak_delta")));
        assertThat(s.usedPeak()).isEqualTo(Integer.parseInt(truth.get("pool_used_max.26680")));
        // Every leaked connection is still open at the end and its request has finished: all are suspects.
        assertThat(s.openCheckouts()).isEqualTo(leaked);
        assertThat(s.openSuspects()).isEqualTo(leaked);
        assertThat(s.totals().suspected()).isEqualTo(leaked);
        assertThat(s.requestsWithoutClose()).isEqualTo(Long.parseLong(truth.get("leaks.leaked_requests")));
        assertThat(s.oldest().get(0).requestId()).isEqualTo(truth.get("leaks.details.0.request_id"));
        assertThat(rig.outLines()).contains("  read " + truth.get("lines.total") + " lines (0 malformed), "
                + truth.get("lines.json_objects") + " events; level at stop: critical");
    }
}
