package dev.poolscope.cli;

import static dev.poolscope.testing.LogLine.at;
import static dev.poolscope.testing.LogLine.getconn;
import static dev.poolscope.testing.LogLine.putconn;
import static org.assertj.core.api.Assertions.assertThat;

import dev.poolscope.analysis.AnalysisOptions;
import dev.poolscope.analysis.Diagnosis;
import dev.poolscope.analysis.ReadError;
import dev.poolscope.feed.InputException;
import dev.poolscope.feed.InputProblems;
import dev.poolscope.testing.Cli;
import dev.poolscope.testing.Run;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A gzip file that breaks part-way: the part before the break is analysed, the break is reported. */
class GzipReadErrorTest {
    @TempDir
    Path dir;

    /** 3000 lines: a checkout on every line, a checkin on every other; random padding defeats compression. */
    static List<String> lines() {
        Random r = new Random(3);
        String[] out = new String[3000];
        for (int i = 0; i < out.length; i++) {
            String pad = Long.toHexString(r.nextLong()) + Long.toHexString(r.nextLong());
            out[i] = (i % 2 == 0 ? getconn("r" + i, "c" + i, at(i)) : putconn("r" + (i - 1), "c" + (i - 1), at(i)))
                    .with("pad", pad).toString();
        }
        return List.of(out);
    }

    static byte[] gzip(List<String> lines) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(bytes)) {
            z.write((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    @Test
    void aTruncatedGzipIsAnalysedUpToTheCutAndTheCutIsReported() throws IOException, InputException {
        List<String> lines = lines();
        byte[] whole = gzip(lines);
        Path cut = dir.resolve("app.jsonl.gz");
        Files.write(cut, Arrays.copyOf(whole, whole.length / 2));

        Diagnosis d = Run.pipeline(List.of(cut.toString()), InputStream.nullInputStream(), 1 << 20,
                AnalysisOptions.defaults());

        ReadError e = d.input().readErrors().get(0);
        assertThat(d.input().readErrors()).hasSize(1);
        assertThat(e.source()).isEqualTo(cut.toString());
        assertThat(e.message()).isEqualTo("gzip data ends unexpectedly (truncated file?)");
        assertThat(e.byteOffset()).isEqualTo(whole.length / 2);
        long read = e.afterLine();
        assertThat(read).isBetween(1L, (long) lines.size() - 1);
        assertThat(d.input().lines()).isEqualTo(read);
        // the lines read are the file's first lines: even ones check out, odd ones check back in
        assertThat(d.counts().getconn()).isEqualTo((read + 1) / 2);
        assertThat(d.counts().putconn()).isEqualTo(read / 2);
        assertThat(d.input().malformedLines()).isZero();
        assertThat(InputProblems.of(d)).hasValue("cannot read all of " + cut + ": gzip data ends unexpectedly "
                + "(truncated file?) at byte " + whole.length / 2 + ", after line " + read
                + "; the report covers what was read");
    }

    @Test
    void corruptGzipDataIsReportedWithAnOffsetInsideTheFile() throws IOException, InputException {
        byte[] bytes = gzip(lines());
        for (int i = bytes.length / 3; i < bytes.length / 3 + 64; i++) {
            bytes[i] = (byte) ~bytes[i];
        }
        Path bad = dir.resolve("bad.gz");
        Files.write(bad, bytes);
        Diagnosis d = Run.pipeline(List.of(bad.toString()), InputStream.nullInputStream(), 1 << 20,
                AnalysisOptions.defaults());
        ReadError e = d.input().readErrors().get(0);
        assertThat(e.message()).startsWith("corrupt gzip data (");
        assertThat(e.byteOffset()).isBetween((long) bytes.length / 3, (long) bytes.length);
    }

    @Test
    void aBrokenGzipHeaderIsAReadErrorAtByteZero() throws IOException, InputException {
        Path bad = dir.resolve("header.gz");
        Files.write(bad, new byte[] {0x1f, (byte) 0x8b, 0x42, 0, 0});
        Diagnosis d = Run.pipeline(List.of(bad.toString()), InputStream.nullInputStream(), 1 << 20,
                AnalysisOptions.defaults());
        assertThat(d.input().readErrors()).singleElement().satisfies(e -> {
            assertThat(e.byteOffset()).isZero();
            assertThat(e.afterLine()).isZero();
        });
    }

    @Test
    void theNextFileIsStillReadAndTheCommandExitsThreeAfterItsReport() throws IOException {
        List<String> lines = lines();
        byte[] whole = gzip(lines);
        Path cut = dir.resolve("1.gz");
        Files.write(cut, Arrays.copyOf(whole, 5000));
        Path next = dir.resolve("2.jsonl");
        Files.writeString(next, getconn("x", "y", at(9999)) + "\n");

        Run.Cli r = Run.cli("analyze", "--format", "json", cut.toString(), next.toString());

        assertThat(r.code()).isEqualTo(ExitCode.INPUT);
        assertThat(r.out()).contains("\"complete\" : false").contains("\"byte_offset\" : 5000");
        assertThat(r.err().lines()).singleElement().asString()
                .startsWith("poolscope: cannot read all of " + cut + ": gzip data ends unexpectedly")
                .doesNotContain("Exception");
        assertThat(r.out()).contains("\"files\" : [ \"" + cut + "\", \"" + next + "\" ]");
    }

    @Test
    void emptyInputAndInputWithoutEventsExitThree() throws IOException {
        Path empty = Files.writeString(dir.resolve("empty.log"), "");
        Path text = Files.writeString(dir.resolve("text.log"), "hello\nworld\n\n");
        Run.Cli r1 = Run.cli("analyze", empty.toString());
        assertThat(r1.code()).isEqualTo(ExitCode.INPUT);
        assertThat(r1.err()).isEqualTo("poolscope: the input is empty" + System.lineSeparator());
        Run.Cli r2 = Run.cli("analyze", text.toString());
        assertThat(r2.code()).isEqualTo(ExitCode.INPUT);
        assertThat(r2.err()).startsWith("poolscope: no JSON log events in 3 lines (2 malformed, 1 blank)");
        assertThat(r2.out()).contains(":1: plain text, not JSON").contains(":2: plain text, not JSON");
    }
}
