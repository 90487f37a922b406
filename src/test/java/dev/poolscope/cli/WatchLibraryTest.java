package dev.poolscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #16 in {@code watch}: a HikariCP log is read with its dialect. Expected figures from
 * fixtures/hikaricp/hikaricp.truth.json: 13 leak warnings, 5 "unleaked", 8 true leaks, pool max 12, 30 connection
 * timeouts, 27 statement timeouts; HikariCP logs no checkout, so getconn, putconn and the delta are n/a.
 */
class WatchLibraryTest {
    @TempDir
    Path dir;

    @Test
    void hikariLogFollowedShowsLeakWarningsAndNoInventedCheckouts() throws Exception {
        Path out = dir.resolve("stdout.txt");
        Path err = dir.resolve("stderr.txt");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), "dev.poolscope.Main", "watch", "-", "--interval", "200ms")
                .redirectInput(Path.of("src/test/resources/fixtures/hikaricp/hikaricp.jsonl").toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try {
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        } finally {
            p.destroyForcibly();
        }
        assertThat(p.exitValue()).as(Files.readString(err)).isZero();
        String stdout = Files.readString(out);
        assertThat(stdout).contains("  getconn n/a, putconn n/a, failed getconn 30, statement timeouts 27")
                .contains("(peak 12, max 12)").contains("| delta n/a |")
                .contains("| leak warnings 13 (8 open)")
                .contains("leak delta n/a (the log shows no checkouts)")
                .contains("  HikariCP leak warnings: 13, returned late 5, still open 8")
                .doesNotContain("getconn 0");
        // the 30 refused checkouts make a critical finding, announced once
        String stderr = Files.readString(err);
        assertThat(stderr.lines().filter(l -> l.contains("FINDING critical pool-exhausted-by-")).count()).isEqualTo(1);
    }
}
