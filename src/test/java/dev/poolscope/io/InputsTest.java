package dev.poolscope.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.airlift.compress.zstd.ZstdOutputStream;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class InputsTest {
    private static final String LOG = "{\"event\":\"pool.getconn.success\"}\n{\"event\":\"pool.putconn.success\"}\n";

    @TempDir
    Path dir;

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    private static String readAll(InputStream in) throws IOException {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @ParameterizedTest
    @EnumSource(ReadMode.class)
    void plainStdinPassesThroughUnchanged(ReadMode mode) throws IOException {
        byte[] plain = LOG.getBytes(StandardCharsets.UTF_8);
        assertThat(readAll(Inputs.open(Inputs.STDIN, mode.stream(plain)))).isEqualTo(LOG);
    }

    @ParameterizedTest
    @EnumSource(ReadMode.class)
    void gzipOnStdinIsDetectedByItsMagicBytes(ReadMode mode) throws IOException {
        assertThat(readAll(Inputs.open(Inputs.STDIN, mode.stream(gzip(LOG))))).isEqualTo(LOG);
    }

    @ParameterizedTest
    @EnumSource(ReadMode.class)
    void concatenatedGzipMembersAreAllRead(ReadMode mode) throws IOException {
        // `cat app.log.1.gz app.log.2.gz | poolscope analyze -`: one stream, two gzip members.
        ByteArrayOutputStream both = new ByteArrayOutputStream();
        both.writeBytes(gzip("{\"n\":1}\n"));
        both.writeBytes(gzip("{\"n\":2}\n"));
        assertThat(readAll(Inputs.open(Inputs.STDIN, mode.stream(both.toByteArray())))).isEqualTo("{\"n\":1}\n{\"n\":2}\n");
    }

    @ParameterizedTest
    @EnumSource(ReadMode.class)
    void tinyInputsAreNotMistakenForGzip(ReadMode mode) throws IOException {
        assertThat(readAll(Inputs.open(Inputs.STDIN, mode.stream(new byte[0])))).isEmpty();
        assertThat(readAll(Inputs.open(Inputs.STDIN, mode.stream(new byte[] {0x1f})))).isEqualTo("\u001f");
        assertThat(readAll(Inputs.open(Inputs.STDIN, mode.stream("{}".getBytes(StandardCharsets.UTF_8)))))
                .isEqualTo("{}");
    }

    @Test
    void fileContentDecidesNotItsName() throws IOException {
        Path gzNamedTxt = dir.resolve("app.txt");
        Files.write(gzNamedTxt, gzip(LOG));
        Path plainNamedGz = dir.resolve("app.jsonl.gz");
        Files.writeString(plainNamedGz, LOG);
        assertThat(readAll(Inputs.open(gzNamedTxt.toString(), InputStream.nullInputStream()))).isEqualTo(LOG);
        assertThat(readAll(Inputs.open(plainNamedGz.toString(), InputStream.nullInputStream()))).isEqualTo(LOG);
    }

    @Test
    void closingStdinInputLeavesStdinOpen() throws IOException {
        boolean[] closed = {false};
        InputStream stdin = new ByteArrayInputStream(LOG.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public void close() {
                closed[0] = true;
            }
        };
        Inputs.open(Inputs.STDIN, stdin).close();
        assertThat(closed[0]).isFalse();
    }

    @ParameterizedTest
    @EnumSource(ReadMode.class)
    void gzipThroughTheLineReader(ReadMode mode) throws IOException {
        StringBuilder seen = new StringBuilder();
        long n = new LineReader(1024).read(Inputs.open(Inputs.STDIN, mode.stream(gzip(LOG))), new LineConsumer() {
            @Override
            public void line(byte[] buf, int off, int len, long lineNumber) {
                seen.append(lineNumber).append(':').append(new String(buf, off, len, StandardCharsets.UTF_8)).append('|');
            }

            @Override
            public void overlong(long lineNumber, long length) {
                seen.append("overlong");
            }
        });
        assertThat(n).isEqualTo(2);
        assertThat(seen).hasToString("1:{\"event\":\"pool.getconn.success\"}|2:{\"event\":\"pool.putconn.success\"}|");
    }

    private static byte[] zstd(String text) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZstdOutputStream z = new ZstdOutputStream(out)) {
            z.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    @ParameterizedTest
    @EnumSource(ReadMode.class)
    void zstdOnStdinIsDetectedByItsMagicBytes(ReadMode mode) throws IOException {
        assertThat(readAll(Inputs.open(Inputs.STDIN, mode.stream(zstd(LOG))))).isEqualTo(LOG);
        try (PositionedInput in = Inputs.openPositioned(Inputs.STDIN, mode.stream(zstd(LOG)))) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(LOG);
            assertThat(in.gzip()).isFalse();
            assertThat(in.position()).isEqualTo(zstd(LOG).length);
        }
    }

    @ParameterizedTest
    @EnumSource(ReadMode.class)
    void concatenatedZstdFramesAreAllRead(ReadMode mode) throws IOException {
        // `cat app.log.1.zst app.log.2.zst | poolscope analyze -`: one stream, two frames.
        ByteArrayOutputStream both = new ByteArrayOutputStream();
        both.writeBytes(zstd("{\"n\":1}\n"));
        both.writeBytes(zstd("{\"n\":2}\n"));
        assertThat(readAll(Inputs.open(Inputs.STDIN, mode.stream(both.toByteArray())))).isEqualTo("{\"n\":1}\n{\"n\":2}\n");
    }

    @Test
    void zstdFileContentDecidesNotItsName() throws IOException {
        Path zstdNamedLog = Files.write(dir.resolve("app.log"), zstd(LOG));
        Path plainNamedZst = Files.writeString(dir.resolve("app.jsonl.zst"), LOG);
        assertThat(readAll(Inputs.open(zstdNamedLog.toString(), InputStream.nullInputStream()))).isEqualTo(LOG);
        assertThat(readAll(Inputs.open(plainNamedZst.toString(), InputStream.nullInputStream()))).isEqualTo(LOG);
        assertThat(Inputs.compressionOrNull(zstdNamedLog)).isEqualTo("zstd");
        assertThat(Inputs.compressionOrNull(Files.write(dir.resolve("a"), gzip(LOG)))).isEqualTo("gzip");
        assertThat(Inputs.compressionOrNull(plainNamedZst)).isNull();
        assertThat(Inputs.compressionOrNull(dir.resolve("missing"))).isNull();
    }

    @Test
    void magicBytesOnly() throws IOException {
        byte[] frame = {0x28, (byte) 0xB5, 0x2F, (byte) 0xFD};
        byte[] skippable = {0x50, 0x2A, 0x4D, 0x18};
        assertThat(Inputs.isZstd(buffered(frame))).isTrue();
        assertThat(Inputs.isZstd(buffered(skippable))).isTrue();
        assertThat(Inputs.isZstd(buffered(Arrays.copyOf(frame, 3)))).isFalse();     // too short to say
        assertThat(Inputs.isZstd(buffered("(\u00b5/x".getBytes(StandardCharsets.ISO_8859_1)))).isFalse();
        assertThat(Inputs.isZstd(buffered(gzip(LOG)))).isFalse();
        assertThat(Inputs.isGzip(buffered(frame))).isFalse();
        BufferedInputStream in = buffered(frame);
        Inputs.isZstd(in);
        assertThat(in.readAllBytes()).isEqualTo(frame);   // peeking consumed nothing
    }

    @ParameterizedTest
    @EnumSource(ReadMode.class)
    void tinyInputsAreNotMistakenForZstd(ReadMode mode) throws IOException {
        byte[] half = {0x28, (byte) 0xB5, 0x2F};
        try (InputStream in = Inputs.open(Inputs.STDIN, mode.stream(half))) {
            assertThat(in.readAllBytes()).isEqualTo(half);
        }
    }

    @Test
    void aTruncatedOrCorruptZstdIsAnIOExceptionThatSaysSo() throws IOException {
        byte[] whole = zstd(LOG.repeat(1000));
        InputStream cut = Inputs.open(Inputs.STDIN, new ByteArrayInputStream(Arrays.copyOf(whole, whole.length - 10)));
        assertThatThrownBy(cut::readAllBytes).isInstanceOf(IOException.class)
                .hasMessage("zstd data ends unexpectedly (truncated file?)");
        byte[] corrupt = whole.clone();
        for (int i = 12; i < corrupt.length; i++) {
            corrupt[i] = (byte) (corrupt[i] * 31 + 7);
        }
        InputStream bad = Inputs.open(Inputs.STDIN, new ByteArrayInputStream(corrupt));
        assertThatThrownBy(bad::readAllBytes).isInstanceOf(IOException.class).hasMessageStartingWith("corrupt zstd data (");
        byte[] skippable = {0x50, 0x2A, 0x4D, 0x18, 0, 0, 0, 0};
        InputStream pzstd = Inputs.open(Inputs.STDIN, new ByteArrayInputStream(skippable));
        assertThatThrownBy(pzstd::readAllBytes).isInstanceOf(IOException.class).hasMessageContaining("zstdcat");
    }

    private static BufferedInputStream buffered(byte[] bytes) {
        return new BufferedInputStream(new ByteArrayInputStream(bytes));
    }
}
