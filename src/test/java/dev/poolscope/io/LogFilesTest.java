package dev.poolscope.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogFilesTest {

    @Test
    void rotatedAndCompressedSegmentsShareTheirStreamName() {
        assertThat(LogFiles.streamName("logs/app.jsonl")).isEqualTo("logs/app.jsonl");
        assertThat(LogFiles.streamName("logs/app.jsonl.1")).isEqualTo("logs/app.jsonl");
        assertThat(LogFiles.streamName("logs/app.jsonl.2.gz")).isEqualTo("logs/app.jsonl");
        assertThat(LogFiles.streamName("logs/app.log-20260105.gz")).isEqualTo("logs/app.log");
        assertThat(LogFiles.streamName("logs/app.log.2026-01-05")).isEqualTo("logs/app.log");
        assertThat(LogFiles.streamName("logs/app.jsonl.zst")).isEqualTo("logs/app.jsonl");
        assertThat(LogFiles.streamName("-")).isEqualTo("stdin");
        // a name that is only a suffix stays as it is
        assertThat(LogFiles.streamName("logs/.1")).isEqualTo("logs/.1");
    }

    @Test
    void logNamesIncludeRotatedOnesButNotSummariesOrOtherFiles() {
        assertThat(LogFiles.isLogName("app.jsonl")).isTrue();
        assertThat(LogFiles.isLogName("app.jsonl.3.gz")).isTrue();
        assertThat(LogFiles.isLogName("worker.log")).isTrue();
        assertThat(LogFiles.isLogName("events.ndjson")).isTrue();
        assertThat(LogFiles.isLogName("day.psum")).isFalse();
        assertThat(LogFiles.isLogName("README.md")).isFalse();
        assertThat(LogFiles.isLogName(".app.jsonl.swp")).isFalse();
    }

    @Test
    void walkFindsLogFilesRecursivelySkippingHiddenOnes(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("pod-b"));
        Files.createDirectories(dir.resolve(".cache"));
        Files.writeString(dir.resolve("pod-b/app.jsonl"), "");
        Files.writeString(dir.resolve("app.jsonl.1"), "");
        Files.writeString(dir.resolve("notes.txt"), "");
        Files.writeString(dir.resolve(".cache/app.jsonl"), "");
        assertThat(LogFiles.walk(dir, LogFiles::isLogName))
                .containsExactly(dir.resolve("app.jsonl.1"), dir.resolve("pod-b/app.jsonl"));
    }
}
