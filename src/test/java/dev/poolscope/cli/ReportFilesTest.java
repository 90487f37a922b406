package dev.poolscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code analyze --csv/--chart/--charts/--html} through the real command line. */
class ReportFilesTest {
    private static final String LOG = "src/test/resources/fixtures/tiny/tiny.jsonl";

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        List<String> all = new ArrayList<>(List.of("analyze", LOG, "--format", "json"));
        all.addAll(List.of(args));
        return PoolscopeCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true))
                .execute(all.toArray(String[]::new));
    }

    @Test
    void writesEveryFileIntoFoldersItCreates() {
        Path csv = dir.resolve("a/b/csv");
        Path charts = dir.resolve("c/charts");
        int code = run("--csv", csv.toString(), "--charts", charts.toString(), "--chart",
                dir.resolve("d/pool.svg").toString(), "--html", dir.resolve("e/report.html").toString());
        assertThat(code).as(err.toString()).isZero();
        assertThat(csv.toFile().list()).containsExactlyInAnyOrder("timeline.csv", "leaks.csv", "long_holds.csv",
                "windows.csv", "timeouts.csv", "endpoints.csv", "health.csv", "findings.csv");
        assertThat(charts.toFile().list()).containsExactlyInAnyOrder("pool-usage.png", "leak-delta.png",
                "hold-times.png", "endpoint-leaks.png");
        assertThat(dir.resolve("d/pool.svg")).content().startsWith("<?xml").contains("<svg");
        assertThat(dir.resolve("e/report.html")).content().startsWith("<!DOCTYPE html>");
        assertThat(out.toString()).contains("\"schema\"");   // the main report still goes to stdout
    }

    @Test
    void refusesToReplaceAFileWithoutForceAndTouchesNothing() throws IOException {
        Path csv = Files.createDirectories(dir.resolve("csv"));
        Files.writeString(csv.resolve("leaks.csv"), "mine");
        Path html = dir.resolve("report.html");
        assertThat(run("--html", html.toString(), "--csv", csv.toString())).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains("leaks.csv exists; pass --force to replace it");
        assertThat(csv.resolve("leaks.csv")).hasContent("mine");
        assertThat(csv.toFile().list()).containsExactly("leaks.csv");
        assertThat(html).doesNotExist();
        assertThat(out.toString()).isEmpty();

        assertThat(run("--html", html.toString(), "--csv", csv.toString(), "--force")).isZero();
        assertThat(csv.resolve("leaks.csv")).content().startsWith("state,request_id");
    }

    /** The page is written on another thread beside the CSV files; a problem there is still exit 2, in one line. */
    @Test
    void aPageThatCannotBeWrittenBesideOtherFilesIsAUsageError() throws IOException {
        Path plain = Files.writeString(dir.resolve("plain"), "a file, not a folder");
        assertThat(run("--csv", dir.resolve("csv").toString(), "--html", plain.resolve("report.html").toString()))
                .isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).startsWith("poolscope: cannot write " + plain.resolve("report.html"))
                .doesNotContain("Exception", "\tat ");
        assertThat(dir.resolve("csv/leaks.csv")).exists();
    }

    @Test
    void chartFileNeedsAKnownExtension() {
        assertThat(run("--chart", dir.resolve("pool.jpg").toString())).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains("must end in .png or .svg");
    }

    @Test
    void svgChartsFolderAndCaseInsensitiveFormat() {
        assertThat(run("--charts", dir.toString(), "--chart-format", "SVG")).isZero();
        assertThat(dir.toFile().list()).contains("pool-usage.svg", "leak-delta.svg", "hold-times.svg",
                "endpoint-leaks.svg");
        assertThat(dir.resolve("pool-usage.svg")).content().contains("<title>Pool usage over time</title>");
    }

    @Test
    void theSameFileNamedTwiceIsAUsageError() {
        Path charts = dir.resolve("charts");
        assertThat(run("--charts", charts.toString(), "--chart", charts.resolve("pool-usage.png").toString()))
                .isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains("would be written twice");
        assertThat(charts).doesNotExist();
    }

    @Test
    void aFolderOptionNamingAFileIsAUsageError() throws IOException {
        Path file = Files.writeString(dir.resolve("file"), "x");
        assertThat(run("--csv", file.toString())).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains("is a file, not a folder");
    }

    @Test
    void bucketOption() throws IOException {
        assertThat(run("--csv", dir.toString(), "--bucket", "2s")).isZero();
        List<String> rows = Files.readAllLines(dir.resolve("timeline.csv"));
        assertThat(rows).hasSize(1 + 3);   // 00:00, 00:02, 00:04
        assertThat(rows.get(1)).startsWith("2026-01-01T00:00:00.000000Z,2.000000,4,1,");
        assertThat(run("--bucket", "-1s")).isEqualTo(ExitCode.USAGE);
    }

    /** 3 days of 1 s buckets would be 259,200 rows, over the 100,000 cap: the width grows and stderr says so. */
    @Test
    void aTooFineBucketIsWidenedWithANote() throws IOException {
        Path log = Files.writeString(dir.resolve("long.jsonl"),
                "{\"event\": \"pool.getconn.success\", \"timestamp\": \"2026-01-01T00:00:00Z\", \"request_id\": \"a\"}\n"
                + "{\"event\": \"pool.putconn.success\", \"timestamp\": \"2026-01-04T00:00:00Z\", \"request_id\": \"a\"}\n");
        int code = PoolscopeCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(
                "analyze", log.toString(), "--csv", dir.resolve("csv").toString(), "--bucket", "1s");
        assertThat(code).isZero();
        assertThat(err.toString()).contains("--bucket 1s would need more than 100000 buckets; used 5s");
        assertThat(Files.readAllLines(dir.resolve("csv/timeline.csv"))).hasSize(1 + 3 * 86_400 / 5 + 1);
    }
}
