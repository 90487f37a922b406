package dev.poolscope.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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

    @Test
    void zstdIsNamedWithAHintInsteadOfBeingReadAsGarbage() {
        byte[] zstdFrame = {0x28, (byte) 0xB5, 0x2F, (byte) 0xFD, 0x00, 0x58, 0x01, 0x00};
        assertThatThrownBy(() -> Inputs.open("-", new ByteArrayInputStream(zstdFrame)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("zstd").hasMessageContaining("zstdcat");
    }
}
