package dev.poolscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.poolscope.testing.CheckRun;
import dev.poolscope.testing.LogLines;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code check --redact} masks secrets in everything it writes: verdict, JUnit XML, GitHub annotations. */
class CheckRedactTest {
    /** A request id carrying a DSN with a password, as a careless correlation id might. */
    private static final String REQ = "postgresql://app:hunter2@db/prod";

    @Test
    void secretsInLeakedRequestsAreMaskedEverywhere(@TempDir Path dir) throws IOException {
        Path log = new LogLines().start(REQ, "POST", "/api/projects").get(REQ, "c1", 1).end(REQ)
                .write(dir.resolve("app.jsonl"));
        Path junit = dir.resolve("check.xml");
        Path plainJunit = dir.resolve("plain.xml");

        CheckRun plain = CheckRun.run(java.util.Map.of("GITHUB_ACTIONS", "true"), "check", log.toString(),
                "--junit", plainJunit.toString());
        CheckRun masked = CheckRun.run(java.util.Map.of("GITHUB_ACTIONS", "true"), "check", log.toString(),
                "--redact", "--junit", junit.toString());

        assertThat(plain.exit()).isEqualTo(ExitCode.FINDINGS);
        assertThat(plain.out()).contains("::error").contains("hunter2");
        assertThat(Files.readString(plainJunit)).contains("hunter2");
        assertThat(masked.exit()).isEqualTo(ExitCode.FINDINGS);
        assertThat(masked.out()).contains("::error").contains("postgresql://app:").doesNotContain("hunter2");
        assertThat(Files.readString(junit)).contains("requests_without_close").doesNotContain("hunter2");
    }
}
