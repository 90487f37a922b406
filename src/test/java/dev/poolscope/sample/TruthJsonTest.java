package dev.poolscope.sample;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.poolscope.testing.Cli;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
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
    void generateWritesLogAndTruth(@TempDir Path dir) throws IOException {
        Path log = dir.resolve("h.jsonl");
        Path truth = dir.resolve("h.expected.json");
        Cli r = Cli.run("generate", "--scenario", "healthy", "--seed", "42", "--requests", "50", "-o", log.toString(),
                "--truth", truth.toString());
        assertThat(r.code()).isZero();
        ByteArrayOutputStream direct = new ByteArrayOutputStream();
        LogGenerator.generate(GeneratorConfig.ofRequests(Scenario.HEALTHY, 42, 50), direct);
        assertThat(Files.readAllBytes(log)).isEqualTo(direct.toByteArray());
        assertThat(Files.readString(truth)).contains("\"scenario\": \"healthy\"");
        assertThat(r.err()).contains("healthy seed=42");
    }

    @Test
    void generateRejectsBadArguments() {
        assertThat(Cli.run("generate", "--scenario", "nope", "--requests", "5").code()).isEqualTo(2);
        Cli noSize = Cli.run("generate", "--scenario", "healthy");
        assertThat(noSize.code()).isEqualTo(2);
        assertThat(noSize.err()).contains("--requests or --bytes");
        assertThat(Cli.run("generate", "--week", "w", "--samples", "s").code()).isEqualTo(2);
    }

    @Test
    void generateWritesTheBundledSamplesAsCommitted(@TempDir Path dir) throws IOException {
        assertThat(Cli.run("generate", "--samples", dir.toString()).code()).isZero();
        for (BundledSamples.Sample s : BundledSamples.ALL) {
            assertThat(Files.readAllBytes(dir.resolve(s.name() + ".jsonl")))
                    .isEqualTo(Files.readAllBytes(Path.of("samples", s.name() + ".jsonl")));
        }
    }
}
