package dev.poolscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.poolscope.testing.CheckRun;
import dev.poolscope.testing.LogLines;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15.3: {@code --redact} reaches {@code .psum} summaries, {@code merge} and {@code report} (Markdown, JSON,
 * HTML). One secret-bearing log throughout: a request id that is a DSN with a password, and a path that carries
 * {@code password=}; every test first checks that the secret does reach that output without {@code --redact}.
 */
class RedactEverywhereTest {
    static final String SECRET = "hunter2";
    static final String REQ = "postgresql://app:" + SECRET + "@db/prod";

    @TempDir
    Path dir;

    /** Leaks its checkout, hits a statement timeout; the day sets the date so two logs can be merged. */
    static Path secretLog(Path file, int day) throws IOException {
        Path log = new LogLines().start(REQ, "POST", "/api/login/password=" + SECRET).get(REQ, "c1", 75)
                .timeout(REQ).end(REQ).pause(120).request("r2", "/api/items", 3).write(file);
        if (day != 2) {
            Files.writeString(log, Files.readString(log).replace("2026-01-02T", "2026-01-0" + day + "T"));
        }
        return log;
    }

    private Path summary(String name, Path log, String... more) {
        Path psum = dir.resolve(name);
        String[] args = new String[] {"analyze", log.toString(), "--summary", psum.toString(), "-o",
            dir.resolve(name + ".txt").toString()};
        CheckRun r = CheckRun.run(concat(args, more));
        assertThat(r.exit()).as(r.err()).isZero();
        return psum;
    }

    @Test
    void aSummaryWrittenWithRedactStoresMaskedValuesAndSaysSo() throws IOException {
        Path log = secretLog(dir.resolve("a.jsonl"), 2);
        String plain = Files.readString(summary("plain.psum", log));
        String masked = Files.readString(summary("masked.psum", log, "--redact"));
        assertThat(plain).contains(SECRET).doesNotContain("\"redacted\"");
        assertThat(masked).doesNotContain(SECRET).contains("\"redacted\":true", "postgresql://app:***@db/prod",
                "password=***");
    }

    @Test
    void mergingRedactedWithUnredactedWarnsAndKeepsEverythingMasked() throws IOException {
        Path masked = summary("day2.psum", secretLog(dir.resolve("a.jsonl"), 2), "--redact");
        Path plain = summary("day3.psum", secretLog(dir.resolve("b.jsonl"), 3));
        Path out = dir.resolve("both.psum");

        CheckRun r = CheckRun.run("merge", masked.toString(), plain.toString(), "-o", out.toString());

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).contains("warning: 1 of the summaries were written with --redact", "masking everything");
        String merged = Files.readString(out);
        assertThat(merged).doesNotContain(SECRET).contains("\"redacted\":true");
        // the figures survive the masking: 2 checkouts a day, one leaked a day (counted by hand from secretLog)
        CheckRun report = CheckRun.run("report", out.toString(), "--format", "json");
        assertThat(report.out()).doesNotContain(SECRET).contains("\"getconn\" : 4").contains("\"leaked_checkouts\" : 2");
    }

    @Test
    void mergingOnlyRedactedSummariesIsQuiet() throws IOException {
        Path a = summary("day2.psum", secretLog(dir.resolve("a.jsonl"), 2), "--redact");
        Path b = summary("day3.psum", secretLog(dir.resolve("b.jsonl"), 3), "--redact");
        CheckRun r = CheckRun.run("merge", a.toString(), b.toString(), "-o", dir.resolve("m.psum").toString());
        assertThat(r.exit()).isZero();
        assertThat(r.err()).doesNotContain("warning");
        assertThat(Files.readString(dir.resolve("m.psum"))).doesNotContain(SECRET).contains("\"redacted\":true");
    }

    @Test
    void reportMasksMarkdownJsonAndHtml() throws IOException {
        Path log = secretLog(dir.resolve("a.jsonl"), 2);
        for (String format : new String[] {"markdown", "json"}) {
            Path plainHtml = dir.resolve("plain-" + format + ".html");
            Path maskedHtml = dir.resolve("masked-" + format + ".html");
            CheckRun plain = CheckRun.run("report", log.toString(), "--format", format, "--html", plainHtml.toString());
            CheckRun masked = CheckRun.run("report", log.toString(), "--format", format, "--html",
                    maskedHtml.toString(), "--redact");
            assertThat(plain.exit()).isZero();
            assertThat(plain.out()).as(format).contains(SECRET);
            assertThat(Files.readString(plainHtml)).contains(SECRET);
            assertThat(masked.exit()).isZero();
            assertThat(masked.out()).as(format).doesNotContain(SECRET).contains("POST /api/login/password=");
            assertThat(Files.readString(maskedHtml)).doesNotContain(SECRET);
        }
    }

    /** Issue #17: the report's findings (period and day) name the leaking endpoint, masked under --redact. */
    @Test
    void reportFindingsAreMaskedToo() throws IOException {
        Path log = secretLog(dir.resolve("a.jsonl"), 2);
        CheckRun plain = CheckRun.run("report", log.toString(), "--format", "json");
        CheckRun masked = CheckRun.run("report", log.toString(), "--format", "json", "--redact");
        String title = "\"title\" : \"1 request hit a statement timeout and kept its connection, on POST /api/login/password=";
        // one request leaked its checkout after a statement timeout: the finding fires for the day and the period
        assertThat(plain.out()).contains(title + SECRET);
        assertThat(masked.out().split(java.util.regex.Pattern.quote(title + "***"), -1)).hasSize(3);
        assertThat(masked.out()).doesNotContain(SECRET);
    }

    @Test
    void reportOverARedactedSummaryAndAPlainLogMasksBoth() throws IOException {
        Path masked = summary("day2.psum", secretLog(dir.resolve("a.jsonl"), 2), "--redact");
        Path plainLog = secretLog(dir.resolve("b.jsonl"), 3);
        CheckRun r = CheckRun.run("report", masked.toString(), plainLog.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).contains("masking everything");
        assertThat(r.out()).doesNotContain(SECRET).contains("POST /api/login/password=\\*\\*\\*");   // Markdown-escaped
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
