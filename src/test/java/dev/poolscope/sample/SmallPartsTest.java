package dev.poolscope.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SmallPartsTest {
    @Test
    void normalizesEndpoints() {
        assertThat(Endpoints.normalize("GET", "/api/projects/42/interviews")).isEqualTo("GET /api/projects/{id}/interviews");
        assertThat(Endpoints.normalize("GET", "/api/coding/stats?project_id=386")).isEqualTo("GET /api/coding/stats");
        assertThat(Endpoints.normalize("DELETE", "/api/x/2ba7a995-e072-4a1a-ba48-0b660b4d0e04"))
                .isEqualTo("DELETE /api/x/{id}");
        SplittableRandom rng = new SplittableRandom(1);
        for (Route r : Route.values()) {
            assertThat(Endpoints.normalize(r.method, r.concretePath(rng))).isEqualTo(r.endpoint);
        }
    }

    @Test
    void formatsTimestampsWithMicroseconds() {
        long t = Timestamps.micros(Instant.parse("2026-11-27T15:15:00Z")) + 83_327;
        assertThat(Timestamps.format(t)).isEqualTo("2026-11-27T15:15:00.083327Z");
        assertThat(Timestamps.format(t + 1_000_000)).isEqualTo("2026-11-27T15:15:01.083327Z");
    }

    @Test
    void uuidsAreShapedLikeVersion4() {
        assertThat(Ids.uuid(new SplittableRandom(9)))
                .matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    }

    @Test
    void parsesScenarioNamesAndValidatesConfig() {
        assertThat(Scenario.parse("leaky-routers")).isEqualTo(Scenario.LEAKY_ROUTERS);
        assertThat(Scenario.parse("TIMEOUT_STORM")).isEqualTo(Scenario.TIMEOUT_STORM);
        assertThat(Scenario.MIXED_PROCESSES.slug()).isEqualTo("mixed-processes");
        assertThatThrownBy(() -> new GeneratorConfig(Scenario.HEALTHY, 1, Instant.EPOCH, 5, 5, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(GeneratorConfig.ofRequests(Scenario.HEALTHY, 1, 5).withProcesses(2).effectiveProcesses()).isEqualTo(2);
    }

    @Test
    void startInstantAndProcessCountAreHonoured() throws java.io.IOException {
        GeneratorConfig cfg = GeneratorConfig.ofRequests(Scenario.HEALTHY, 4, 100)
                .withStart(Instant.parse("2027-03-01T00:00:00Z")).withProcesses(2);
        Truth t = LogGeneratorTest.run(cfg).truth();
        assertThat(t.firstTimestamp()).startsWith("2027-03-01T00:00:00.");
        assertThat(t.poolUsedMax()).hasSize(2);
    }
}
