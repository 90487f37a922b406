package dev.poolscope.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class InputsTest {

    @Test
    void gzipIsRecognisedByItsBytes() throws IOException {
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(zipped)) {
            gz.write("{\"a\":1}\n".getBytes(StandardCharsets.UTF_8));
        }
        try (InputStream in = Inputs.open("-", new ByteArrayInputStream(zipped.toByteArray()))) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("{\"a\":1}\n");
        }
    }

    @Test
    void zstdIsNamedWithAHintInsteadOfBeingReadAsGarbage() {
        byte[] zstdFrame = {0x28, (byte) 0xB5, 0x2F, (byte) 0xFD, 0x00, 0x58, 0x01, 0x00};
        assertThatThrownBy(() -> Inputs.open("-", new ByteArrayInputStream(zstdFrame)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("zstd").hasMessageContaining("zstdcat");
    }

    @Test
    void shortPlainInputIsReadAsItIs() throws IOException {
        try (InputStream in = Inputs.open("-", new ByteArrayInputStream(new byte[] {'{', '}'}))) {
            assertThat(in.readAllBytes()).containsExactly('{', '}');
        }
    }
}
