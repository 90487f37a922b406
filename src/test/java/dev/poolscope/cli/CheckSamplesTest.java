package dev.poolscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.poolscope.testing.CheckRun;
import java.io.IOException;
import java.nio.file.Path;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code check} on the bundled samples gives the verdict their generator's truth implies under the
 * seed document's health table (used critical above 70, delta above 10, any request without close).
 */
class CheckSamplesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"healthy", "leaky-routers", "timeout-storm", "multi-process"})
    void verdictFollowsTheTruth(String sample) throws IOException {
        JsonNode truth = JSON.readTree(Path.of("samples", sample + ".expected.json").toFile());
        long used = StreamSupport.stream(truth.path("pool_used_max").spliterator(), false)
                .mapToLong(JsonNode::asLong).max().orElse(0);
        long delta = truth.get("leak_delta").asLong();
        long requests = truth.get("requests_without_close").asLong();

        CheckRun r = CheckRun.run("check", "samples/" + sample + ".jsonl");

        assertThat(r.row("pool used (peak)")).containsExactly(Long.toString(used), "70", used > 70 ? "FAIL" : "PASS");
        assertThat(r.row("getconn - putconn")).containsExactly(Long.toString(delta), "10", delta > 10 ? "FAIL" : "PASS");
        assertThat(r.row("requests without close"))
                .containsExactly(Long.toString(requests), "0", requests > 0 ? "FAIL" : "PASS");
        assertThat(r.exit()).isEqualTo(used > 70 || delta > 10 || requests > 0 ? 1 : 0);
        if (requests > 0) {
            for (JsonNode id : truth.get("leaked_request_ids")) {
                if (r.out().contains(id.asText())) {
                    return;
                }
            }
            throw new AssertionError("no leaked request of the truth is named in:\n" + r.out());
        }
    }

    @Test
    void healthyBaselineCatchesTheLeakingBuildAndNotTheReverse() {
        Path healthy = dir.resolve("healthy.json");
        Path leaky = dir.resolve("leaky.json");
        assertThat(CheckRun.run("analyze", "-f", "json", "-o", healthy.toString(), "samples/healthy.jsonl").exit()).isZero();
        assertThat(CheckRun.run("analyze", "-f", "json", "-o", leaky.toString(), "samples/leaky-routers.jsonl").exit())
                .isZero();

        CheckRun regression = CheckRun.run("check", "samples/leaky-routers.jsonl", "--baseline", healthy.toString());
        CheckRun improvement = CheckRun.run("check", "samples/healthy.jsonl", "--baseline", leaky.toString());

        assertThat(regression.exit()).isEqualTo(1);
        assertThat(regression.row("failed getconn")[2]).isEqualTo("FAIL");
        assertThat(improvement.exit()).isEqualTo(0);
    }
}
