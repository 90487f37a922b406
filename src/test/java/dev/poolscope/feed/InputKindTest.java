package dev.poolscope.feed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.poolscope.server.LogLinePrefix;
import dev.poolscope.server.ServerFormat;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The per-input decision, and that the stream is read from its start afterwards. */
class InputKindTest {
    private static ServerFormat kind(String text) throws Exception {
        InputKind.Peeked in = new InputKind.Peeked(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
        ServerFormat f = in.kind(LogLinePrefix.common());
        assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(text);
        return f;
    }

    @Test
    void decidesOnTheFirstEventLine() throws Exception {
        assertThat(kind("{\"event\": \"pool.getconn.success\", \"error_severity\": \"x\"}\n")).isNull();
        assertThat(kind("\n\r\n{\"timestamp\":\"2026-12-05 04:09:45.789 UTC\",\"pid\":1,\"session_id\":\"a.b\","
                + "\"error_severity\":\"LOG\",\"message\":\"m\",\"backend_type\":\"postmaster\"}\n"))
                .isEqualTo(ServerFormat.JSONLOG);
        assertThat(kind("\uFEFF2026-12-05 04:09:45.789 UTC,\"app\",\"shop\",15928,\"127.0.0.1:5\",x\n"))
                .isEqualTo(ServerFormat.CSVLOG);
        assertThat(kind("\tcontinued from a rotated file\n2026-12-05 04:09:45 UTC [16728]: [3-1] "
                + "user=,db=,app=,client= LOG:  starting PostgreSQL 15.18\n")).isEqualTo(ServerFormat.STDERR);
        assertThat(kind("plain text\n2026-12-05 04:09:45.789 UTC [1] LOG:  x\n")).isNull();
        assertThat(kind("")).isNull();
    }
}
