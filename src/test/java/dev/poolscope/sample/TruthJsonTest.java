package dev.poolscope.sample;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TruthJsonTest {
    @Test
    void writesSnakeCaseFieldsWithNullOpenIntervalEnd() throws IOException {
        Truth t = LogGeneratorTest.run(Scenario.LEAKY_ROUTERS, 1, 3000).truth();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TruthJson.write(t, out);
        String json = out.toString(StandardCharsets.UTF_8);
        assertThat(topLevelKeys(json)).containsExactly("scenario", "seed", "bytes", "lines", "getconn", "putconn",
                "leak_delta", "getconn_failed", "nearly_exhausted", "exhaustion_errors", "leaked_checkouts",
                "requests_without_close", "leaked_request_ids", "leaked_request_ids_truncated",
                "leaks_by_endpoint", "statement_timeout_events", "statement_timeout_requests",
                "timeout_requests_left_connection_open", "pool_used_max", "first_timestamp", "last_timestamp",
                "near_exhaustion_intervals");
        assertThat(json).contains("\"leak_delta\": " + t.leakDelta()).contains("\"end\": null")
                .contains("\"POST /api/projects\": {");
    }

    private static List<String> topLevelKeys(String json) throws IOException {
        List<String> keys = new ArrayList<>();
        try (JsonParser p = new JsonFactory().createParser(json)) {
            assertThat(p.nextToken()).isEqualTo(JsonToken.START_OBJECT);
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                keys.add(p.currentName());
                p.nextToken();
                p.skipChildren();
            }
        }
        return keys;
    }

    @Test
    void sampleMainWritesLogAndTruth(@TempDir Path dir) throws IOException {
        Path log = dir.resolve("h.jsonl");
        Path truth = dir.resolve("h.expected.json");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = SampleMain.run(new String[] {"healthy", "42", "50", log.toString(), truth.toString()},
                System.out, new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).isZero();
        ByteArrayOutputStream direct = new ByteArrayOutputStream();
        LogGenerator.generate(GeneratorConfig.ofRequests(Scenario.HEALTHY, 42, 50), direct);
        assertThat(Files.readAllBytes(log)).isEqualTo(direct.toByteArray());
        assertThat(Files.readString(truth)).contains("\"scenario\": \"healthy\"");
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("healthy seed=42");
    }

    @Test
    void sampleMainRejectsBadArguments() throws IOException {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(err, true, StandardCharsets.UTF_8);
        assertThat(SampleMain.run(new String[] {"nope", "1", "5", "x"}, System.out, ps)).isEqualTo(2);
        assertThat(SampleMain.run(new String[] {"healthy", "1"}, System.out, ps)).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage:");
    }
}
