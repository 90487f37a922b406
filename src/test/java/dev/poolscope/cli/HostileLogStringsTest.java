package dev.poolscope.cli;

import static dev.poolscope.testing.LogLine.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.poolscope.testing.Cli;
import dev.poolscope.testing.LogLine;
import dev.poolscope.testing.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Log content written by whoever sent the request: it must not steer the terminal or leak secrets with --redact. */
class HostileLogStringsTest {
    private static final String ID = "\u001b[2J\u001b[31mpassword=hunter2\u202e";
    @TempDir
    Path dir;
    private Path log;

    @BeforeEach
    void writeLog() throws IOException {
        String lines = LogLine.getconn(ID, "c1", at(1)).with("path", "/api/x\u009b31m/token=abc123") + "\n"
                + LogLine.finished(ID, at(2)) + "\n"
                + LogLine.getconn("r2", "c2", at(3)).with("pid", "web-1 Authorization: Bearer abcdefgh12345") + "\n"
                + LogLine.finished("r2", at(4)).with("pid", "web-1 Authorization: Bearer abcdefgh12345") + "\n";
        log = Files.writeString(dir.resolve("app.jsonl"), lines);
    }

    @Test
    void theTextReportStripsEscapesAndBidiControls() {
        Run.Cli r = Run.cli("analyze", "--color", "never", log.toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).doesNotContain("\u001b").doesNotContain("\u009b").doesNotContain("\u202e")
                .contains("?[2J?[31mpa").contains("/api/x?31m/token=abc123");
    }

    @Test
    void theJsonReportEscapesThemAndKeepsTheValue() {
        Run.Cli r = Run.cli("analyze", "--format", "json", log.toString());
        assertThat(r.out()).doesNotContain("\u001b").doesNotContain("\u009b").doesNotContain("\u202e")
                .contains("\"request_id\" : \"\\u001B[2J\\u001B[31mpassword=hunter2\\u202E\"")
                .contains("/api/x\\u009B31m/token=abc123");
    }

    @Test
    void redactMasksSecretsInBothReports() {
        for (String format : new String[] {"text", "json"}) {
            Run.Cli r = Run.cli("analyze", "--redact", "--format", format, "--color", "never", log.toString());
            assertThat(r.code()).isZero();
            assertThat(r.out()).as(format).doesNotContain("hunter2").doesNotContain("abc123")
                    .doesNotContain("abcdefgh12345").contains("***");
            // counts do not change: two leaked checkouts in two requests
            assertThat(r.out()).as(format).containsAnyOf("LEAK: 2", "\"leaked_checkouts\" : 2");
        }
        Run.Cli json = Run.cli("analyze", "--redact", "--format", "json", log.toString());
        assertThat(json.out()).contains("password=***").contains("token=***");
    }

    @Test
    void redactCoversTheCsvAndHtmlReportsToo() throws IOException {
        Path csv = dir.resolve("csv");
        Path html = dir.resolve("report.html");
        Run.Cli r = Run.cli("analyze", "--redact", "--csv", csv.toString(), "--html", html.toString(), log.toString());
        assertThat(r.code()).isZero();
        StringBuilder all = new StringBuilder(Files.readString(html));
        try (var files = Files.list(csv)) {
            for (Path f : files.toList()) {
                all.append(Files.readString(f));
            }
        }
        assertThat(all.toString()).doesNotContain("hunter2").doesNotContain("abc123").doesNotContain("abcdefgh12345")
                .contains("***");
    }

    @Test
    void aBadRedactPatternIsAUsageError() {
        Run.Cli r = Run.cli("analyze", "--redact-pattern", "(unclosed", log.toString());
        assertThat(r.code()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).startsWith("poolscope: --redact-pattern: Unclosed group");
    }
}
