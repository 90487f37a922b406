package dev.poolscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Regression: a checkout logged before any timestamp once reported an overflowed age. */
class UntimedCheckoutTest {
    @Test
    void checkoutBeforeAnyTimestampHasUnknownAgeNotAnOverflow(@TempDir Path dir) throws IOException {
        Path log = dir.resolve("app.jsonl");
        Files.writeString(log, String.join("\n",
                "{\"event\":\"pool.getconn.success\",\"request_id\":\"r1\",\"conn_id\":\"c1\",\"pid\":1}",
                "{\"event\":\"http.request.finished\",\"request_id\":\"r1\",\"pid\":1,\"timestamp\":\"2026-01-06T10:00:01Z\"}",
                "{\"event\":\"app.tick\",\"pid\":1,\"timestamp\":\"2026-01-06T10:00:02Z\"}", ""), StandardCharsets.UTF_8);

        JsonNode report = SamplesTest.analyze(log.toString());

        assertThat(report.at("/leaks/leaked_checkouts").asLong()).isEqualTo(1);
        assertThat(report.at("/leaks/items/0/request_ended").asBoolean()).isTrue();
        assertThat(report.at("/leaks/items/0/age_s").isNull()).isTrue();
        assertThat(report.at("/leaks/items/0/acquired_at").isNull()).isTrue();
    }
}
