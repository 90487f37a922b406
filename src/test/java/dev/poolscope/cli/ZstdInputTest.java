package dev.poolscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.poolscope.analysis.AnalysisOptions;
import dev.poolscope.analysis.Diagnosis;
import dev.poolscope.analysis.LeakItem;
import dev.poolscope.analysis.ReadError;
import dev.poolscope.feed.InputException;
import dev.poolscope.testing.LogLines;
import dev.poolscope.testing.Run;
import io.airlift.compress.zstd.ZstdOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * zstd-compressed logs through every way in (issue 15, point 6): one file, several, a directory, standard
 * input, the parallel reader, and the check, report and watch commands. Before, the reader sniffed only
 * gzip, so a .zst file was decoded as text: a report of garbage lines.
 */
class ZstdInputTest {
    @TempDir
    Path dir;

    static byte[] zstd(String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZstdOutputStream z = new ZstdOutputStream(bytes)) {
            z.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    private Path writeZstd(String name, String text) throws IOException {
        return Files.write(dir.resolve(name), zstd(text));
    }

    /** A healthy sample, compressed: the figures are the plain file's. */
    @Test
    void oneFileGivesTheFiguresOfThePlainFile() throws IOException {
        Path plain = Path.of("samples/healthy.jsonl");
        Path zst = Files.write(dir.resolve("h.jsonl.zst"), zstd(Files.readString(plain)));

        Run.Cli expected = Run.cli("analyze", "--format", "json", plain.toString());
        Run.Cli actual = Run.cli("analyze", "--format", "json", zst.toString());

        assertThat(actual.code()).isEqualTo(ExitCode.OK);
        assertThat(actual.err()).isEmpty();
        assertThat(actual.out()).contains("\"getconn\" : 420").doesNotContain("plain text, not JSON");
        assertThat(actual.out().replace(zst.toString(), "F")).isEqualTo(expected.out().replace(plain.toString(), "F"));
    }

    @Test
    void theParallelReaderDecodesItToo() throws IOException {
        Path plain = Path.of("samples/leaky-routers.jsonl");
        Path zst = Files.write(dir.resolve("leaky.log"), zstd(Files.readString(plain)));
        Run.Cli r = Run.cli("analyze", "--threads", "2", zst.toString());
        assertThat(r.code()).isEqualTo(ExitCode.OK);
        assertThat(r.out()).startsWith(Run.cli("analyze", "--threads", "2", plain.toString()).out().lines().findFirst().orElseThrow());
    }

    /** Rotated segments, the oldest zstd-compressed, named newest first: ordering peeks into the .zst too. */
    @Test
    void severalFilesAreOrderedByTheFirstTimestampInsideTheCompressedOne() throws Exception {
        Path oldest = writeZstd("app.jsonl.2.zst", new LogLines()
                .getconn("2026-01-05T10:00:00Z", "r1", "1", 1)
                .putconn("2026-01-05T10:00:01Z", "r1", "1", 0)
                .getconn("2026-01-05T10:00:02Z", "r2", "2", 1)   // returned in the next segment
                .text());
        Path middle = new LogLines()
                .putconn("2026-01-05T10:00:05Z", "r2", "2", 0)
                .getconn("2026-01-05T10:00:06Z", "r3", "3", 1)
                .finished("2026-01-05T10:00:07Z", "r3")
                .write(dir.resolve("app.jsonl.1"));
        Path newest = writeZstd("app.jsonl.zst", new LogLines()
                .getconn("2026-01-05T10:00:08Z", "r4", "4", 2)
                .putconn("2026-01-05T10:00:09Z", "r4", "4", 1)
                .text());

        Diagnosis d = Run.pipeline(List.of(newest.toString(), middle.toString(), oldest.toString()),
                InputStream.nullInputStream(), 1 << 20, AnalysisOptions.defaults());

        assertThat(d.input().files()).containsExactly(oldest.toString(), middle.toString(), newest.toString());
        assertThat(d.counts().getconn()).isEqualTo(4);
        assertThat(d.counts().putconn()).isEqualTo(3);
        assertThat(d.checkouts().leaks()).extracting(LeakItem::requestId).containsExactly("r3");
        assertThat(d.input().malformedLines()).isZero();

        // the same files found by walking their directory
        Diagnosis walked = Run.pipeline(List.of(dir.toString()), InputStream.nullInputStream(), 1 << 20,
                AnalysisOptions.defaults());
        assertThat(walked.input().files()).containsExactly(oldest.toString(), middle.toString(), newest.toString());
        assertThat(walked.checkouts().leaks()).extracting(LeakItem::requestId).containsExactly("r3");
    }

    @Test
    void standardInputIsDetectedByItsMagicBytes() throws Exception {
        String log = new LogLines().getconn("2026-01-05T10:00:00Z", "r1", "1", 1)
                .putconn("2026-01-05T10:00:01Z", "r1", "1", 0).text();
        Diagnosis d = Run.pipeline(new ByteArrayInputStream(zstd(log)), 1 << 20);
        assertThat(d.counts().getconn()).isEqualTo(1);
        assertThat(d.counts().putconn()).isEqualTo(1);
        assertThat(d.input().malformedLines()).isZero();
    }

    @Test
    void checkAndReportReadItAndWatchSaysToUseAnalyze() throws IOException {
        Path zst = Files.write(dir.resolve("h.jsonl.zst"), zstd(Files.readString(Path.of("samples/healthy.jsonl"))));

        Run.Cli check = Run.cli("check", zst.toString());
        assertThat(check.code()).isEqualTo(ExitCode.OK);
        assertThat(check.out()).contains("PASS").contains("0 malformed");

        Run.Cli report = Run.cli("report", "--format", "json", zst.toString());
        assertThat(report.code()).isEqualTo(ExitCode.OK);
        assertThat(report.out()).contains("\"getconn\" : 420");

        Run.Cli watch = Run.cli("watch", "--from-start", zst.toString());
        assertThat(watch.code()).isEqualTo(ExitCode.INPUT);
        assertThat(watch.err()).contains("is zstd-compressed").contains("poolscope analyze " + zst);
    }

    /** The text in frames of {@code perFrame} lines, as {@code cat part1.zst part2.zst …} makes it. */
    static byte[] zstdFrames(List<String> lines, int perFrame) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (int i = 0; i < lines.size(); i += perFrame) {
            all.writeBytes(zstd(String.join("\n", lines.subList(i, Math.min(lines.size(), i + perFrame))) + "\n"));
        }
        return all.toByteArray();
    }

    /**
     * As a truncated .gz (GzipReadErrorTest): analysed up to the cut, the cut named, exit 3 after the report.
     * aircompressor's decoder hands out a block only once a window (2 MiB at zstd's default level) lies
     * behind it or its frame ends, so the text of the last window before the cut is not analysed: here the
     * log is in frames of 300 lines, and the cut in the middle of the sixth leaves the first five.
     */
    @Test
    void aTruncatedZstdIsAnalysedUpToTheCutAndTheCutIsReported() throws IOException, InputException {
        List<String> lines = GzipReadErrorTest.lines();
        byte[] whole = zstdFrames(lines, 300);
        int at = zstdFrames(lines.subList(0, 1500), 300).length + 100;     // 100 bytes into the sixth frame
        Path cut = Files.write(dir.resolve("app.jsonl.zst"), Arrays.copyOf(whole, at));

        Diagnosis d = Run.pipeline(List.of(cut.toString()), InputStream.nullInputStream(), 1 << 20,
                AnalysisOptions.defaults());

        ReadError e = d.input().readErrors().get(0);
        assertThat(d.input().readErrors()).hasSize(1);
        assertThat(e.source()).isEqualTo(cut.toString());
        assertThat(e.message()).isEqualTo("zstd data ends unexpectedly (truncated file?)");
        assertThat(e.byteOffset()).isEqualTo(at);
        long read = e.afterLine();
        assertThat(read).isEqualTo(1500);
        assertThat(d.input().lines()).isEqualTo(read);
        assertThat(d.counts().getconn()).isEqualTo((read + 1) / 2);
        assertThat(d.counts().putconn()).isEqualTo(read / 2);
        assertThat(d.input().malformedLines()).isZero();

        Path next = new LogLines().getconn("2026-01-05T10:00:00Z", "x", "y", 1).write(dir.resolve("next.jsonl"));
        Run.Cli r = Run.cli("analyze", "--format", "json", cut.toString(), next.toString());
        assertThat(r.code()).isEqualTo(ExitCode.INPUT);
        assertThat(r.out()).contains("\"complete\" : false").contains("\"byte_offset\" : " + at);
        assertThat(r.err().lines()).singleElement().asString()
                .startsWith("poolscope: cannot read all of " + cut + ": zstd data ends unexpectedly")
                .doesNotContain("Exception");
    }

    @Test
    void corruptZstdDataIsAReadErrorNotACrash() throws IOException {
        byte[] bytes = zstd(String.join("\n", GzipReadErrorTest.lines()) + "\n");
        for (int i = bytes.length / 3; i < bytes.length / 3 + 64; i++) {
            bytes[i] = (byte) ~bytes[i];
        }
        Path bad = Files.write(dir.resolve("bad.zst"), bytes);
        Run.Cli r = Run.cli("analyze", "--format", "json", bad.toString());
        assertThat(r.code()).isEqualTo(ExitCode.INPUT);
        assertThat(r.out()).contains("\"complete\" : false").contains("corrupt zstd data (");
        assertThat(r.err()).doesNotContain("Exception").doesNotContain("internal error");
    }
}
