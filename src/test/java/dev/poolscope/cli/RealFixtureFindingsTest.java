package dev.poolscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.poolscope.testing.Cli;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The findings of the real structlog + psycopg2 capture, checked against app.truth.json (recorded by
 * the service itself): the four leaking routes, exhaustion by leaks, and nothing the truth does not show.
 */
class RealFixtureFindingsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static JsonNode truth;
    private static Map<String, JsonNode> findings;

    @BeforeAll
    static void run() throws Exception {
        Path dir = Path.of(RealFixtureFindingsTest.class.getResource("/fixtures/real-structlog/").toURI());
        truth = JSON.readTree(dir.resolve("app.truth.json").toFile());
        Cli r = Cli.run("analyze", "--format", "json", dir.resolve("app.jsonl").toString());
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCode.OK);
        findings = new HashMap<>();
        JSON.readTree(r.out()).get("findings").forEach(f -> findings.put(f.get("id").asText(), f));
    }

    /** The app's route names use {project_id}, poolscope's grouping {id}: compare without the names. */
    private static String route(String endpoint) {
        return endpoint.replaceAll("\\{[^}]*}", "{}");
    }

    @Test
    void leakingRoutesAreTheTruthsWithTheirCounts() {
        JsonNode f = findings.get("route-leaks-connections");
        assertThat(f).as("route-leaks-connections fired").isNotNull();
        Map<String, Long> expected = new HashMap<>();
        truth.at("/leaks/by_route").properties().forEach(e -> expected.put(route(e.getKey()), e.getValue().asLong()));
        Map<String, Long> actual = new HashMap<>();
        f.at("/evidence/by_endpoint").forEach(row -> actual.put(route(row.get("endpoint").asText()), row.get("leaked").asLong()));
        assertThat(actual).isEqualTo(expected);
        assertThat(f.at("/evidence/leaked_checkouts").asLong()).isEqualTo(truth.at("/leaks/leaked_connections").asLong());
        assertThat(f.at("/evidence/requests_without_close").asLong()).isEqualTo(truth.at("/leaks/leaked_requests").asLong());
        assertThat(f.get("severity").asText()).isEqualTo("critical");
        assertThat(f.get("doc").asText()).isEqualTo("docs/findings.md#route-leaks-connections");
        JsonNode example = f.get("examples").get(0);
        List<String> leakedIds = StreamSupport.stream(truth.at("/leaks/leaked_request_ids").spliterator(), false)
                .map(JsonNode::asText).toList();
        assertThat(leakedIds).contains(example.get("request_id").asText());
        assertThat(example.get("line").asLong()).isPositive();
    }

    @Test
    void exhaustionIsByLeaks() {
        JsonNode f = findings.get("pool-exhausted-by-leaks");
        assertThat(f).as("pool-exhausted-by-leaks fired").isNotNull();
        assertThat(findings).doesNotContainKey("pool-exhausted-by-load");
        assertThat(f.at("/evidence/getconn_failed").asLong()).isEqualTo(truth.at("/counts/getconn_failed").asLong());
        assertThat(f.at("/evidence/first_failure").asText()).isEqualTo(truth.at("/getconn_failed_first").asText());
        assertThat(f.at("/evidence/pool_max").asLong()).isEqualTo(truth.at("/pool_config/maxconn").asLong());
    }

    /**
     * Nothing else but what the truth records: 8 statement timeouts all on the stats endpoint, handled
     * correctly (stats_leak_fraction 0), with an 800 ms statement_timeout; one Neo4j defunct connection.
     */
    @Test
    void noFindingTheTruthDoesNotShow() {
        JsonNode build = truth.at("/processes/26680/build");
        assertThat(build.get("stats_leak_fraction").asDouble()).isZero();
        assertThat(findings.keySet()).containsExactlyInAnyOrder("route-leaks-connections", "pool-exhausted-by-leaks",
                "slow-endpoint-holds-connections", "stale-connections-dropped");
        JsonNode slow = findings.get("slow-endpoint-holds-connections");
        assertThat(slow.at("/evidence/endpoint").asText()).isEqualTo("GET /api/coding/stats");
        assertThat(slow.at("/evidence/statement_timeouts").asLong()).isEqualTo(truth.at("/counts/statement_timeouts").asLong());
        assertThat(slow.at("/evidence/hold_p95_ms").asDouble())
                .isGreaterThanOrEqualTo(0.9 * build.get("stats_statement_timeout_ms").asDouble());   // near the timeout
        JsonNode stale = findings.get("stale-connections-dropped");
        assertThat(stale.get("severity").asText()).isEqualTo("info");
        assertThat(stale.at("/evidence/events").asLong()).isEqualTo(truth.at("/counts/neo4j_defunct_connection_errors").asLong()
                + truth.at("/counts/neo4j_routing_errors").asLong());
    }
}
