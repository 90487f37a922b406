package dev.poolscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.poolscope.testing.Cli;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Issue #16: {@code analyze --format json} on the real HikariCP, SQLAlchemy and psycopg_pool captures must give
 * every figure of their truth files, which the services recorded from their own bookkeeping while they ran
 * (each fixture's README). Expected values are read from the truth files, never typed here.
 */
class DialectFixturesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Path resource(String name) throws Exception {
        return Path.of(DialectFixturesTest.class.getResource("/fixtures/" + name).toURI());
    }

    static JsonNode analyze(String log) throws Exception {
        Cli r = Cli.run("analyze", "--format", "json", resource(log).toString());
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCode.OK);
        return JSON.readTree(r.out());
    }

    private static JsonNode truth(String name) throws Exception {
        return JSON.readTree(resource(name).toFile());
    }

    private static List<String> sorted(JsonNode array, Function<JsonNode, String> field) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(field.apply(n)));
        out.sort(null);
        return out;
    }

    private static List<String> texts(JsonNode array, String field) {
        return sorted(array, n -> n.path(field).isNull() ? null : n.path(field).asText());
    }

    private static String dialect(JsonNode report) {
        return report.at("/input/dialects/0/dialect").asText();
    }

    @Test
    void hikaricp() throws Exception {
        JsonNode t = truth("hikaricp/hikaricp.truth.json");
        JsonNode r = analyze("hikaricp/hikaricp.jsonl");
        JsonNode s = t.get("summary");
        assertThat(dialect(r)).isEqualTo("hikaricp");
        assertThat(r.at("/leaks/leaked_checkouts").asLong()).isEqualTo(s.get("true_leaks").asLong());
        assertThat(r.at("/leaks/suspected").asLong()).isEqualTo(s.get("leak_warning_lines_expected").asLong());
        assertThat(r.at("/leaks/returned_late").asLong()).isEqualTo(s.get("unleaked_lines_expected").asLong());
        assertThat(r.at("/counts/getconn_failed").asLong()).isEqualTo(s.get("connection_timeouts").asLong());
        assertThat(r.at("/statement_timeouts/events").asLong()).isEqualTo(s.get("statement_timeouts").asLong());
        assertThat(r.at("/pool/peak_used").asLong()).isEqualTo(s.get("max_active_seen").asLong());
        assertThat(r.at("/pool/max").asLong()).isEqualTo(t.at("/pool_config/maximumPoolSize").asLong());
        assertThat(r.at("/counts/getconn").isNull()).as("HikariCP logs no checkout: n/a, not 0").isTrue();
        JsonNode items = r.at("/leaks/items");
        assertThat(texts(items, "connection")).isEqualTo(texts(t.get("true_leaks"), "connection"));
        assertThat(texts(items, "request_id")).isEqualTo(texts(t.get("true_leaks"), "request_id"));
        assertThat(texts(items, "thread")).isEqualTo(texts(t.get("true_leaks"), "thread"));
        List<String> late = new ArrayList<>();
        t.at("/leak_detection/warnings").forEach(w -> {
            if (w.path("unleaked_logged").asBoolean()) {
                late.add(w.get("request_id").asText());
            }
        });
        late.sort(null);
        assertThat(texts(r.at("/leaks/returned_late_items"), "request_id")).isEqualTo(late);
        assertThat(r.at("/leaks/by_origin/0/origin").asText()).contains("ExportController");
        assertThat(r.at("/leaks/by_origin/0/leaked_checkouts").asLong()).isEqualTo(s.get("true_leaks").asLong());
        assertThat(r.at("/health/verdict").asText()).isEqualTo("critical");
    }

    @Test
    void hikaricp5OldStatsForm() throws Exception {
        hikariRig(truth("hikaricp-5/hikaricp5.truth.json"), analyze("hikaricp-5/hikaricp5.jsonl"));
    }

    @Test
    void hikaricp7Log4j2EcsLayout() throws Exception {
        hikariRig(truth("hikaricp-log4j2/hikaricp7-ecs.truth.json"), analyze("hikaricp-log4j2/hikaricp7-ecs.jsonl"));
    }

    /** The two fixtures written by bench/fixtures/hikaricp-5 and hikaricp-log4j2 share their truth's shape. */
    private static void hikariRig(JsonNode t, JsonNode r) {
        JsonNode s = t.get("summary");
        assertThat(dialect(r)).isEqualTo("hikaricp");
        assertThat(r.at("/leaks/leaked_checkouts").asLong()).isEqualTo(s.get("true_leaks").asLong());
        assertThat(r.at("/leaks/suspected").asLong()).isEqualTo(s.get("leak_warning_lines_expected").asLong());
        assertThat(r.at("/leaks/returned_late").asLong()).isEqualTo(s.get("unleaked_lines_expected").asLong());
        assertThat(r.at("/counts/getconn_failed").asLong()).isEqualTo(s.get("connection_timeouts").asLong());
        assertThat(r.at("/pool/peak_used").asLong()).isEqualTo(s.get("max_active_seen").asLong());
        assertThat(r.at("/pool/peak_waiting").asLong()).isEqualTo(s.get("max_waiting_seen").asLong());
        assertThat(r.at("/pool/max").asLong()).isEqualTo(t.at("/pool_config/maximumPoolSize").asLong());
        JsonNode items = r.at("/leaks/items");
        for (String field : List.of("request_id", "connection", "thread", "origin")) {
            assertThat(texts(items, field)).as(field).isEqualTo(texts(t.get("true_leaks"), field));
        }
        Map<String, Long> origins = new HashMap<>();
        r.at("/leaks/by_origin").forEach(o -> origins.put(o.get("origin").asText(), o.get("leaked_checkouts").asLong()));
        Map<String, Long> want = new HashMap<>();
        JsonNode byOrigin = t.get("true_leaks_by_origin");
        byOrigin.fieldNames().forEachRemaining(k -> want.put(k, byOrigin.get(k).asLong()));
        assertThat(origins).isEqualTo(want);
        assertThat(r.at("/leaks/origin_helpers_skipped/0").asText() + "(")
                .isEqualTo(t.get("helper_frame").asText().substring(0, t.get("helper_frame").asText().indexOf('(') + 1));
        JsonNode late = r.at("/leaks/returned_late_items");
        assertThat(texts(late, "request_id")).isEqualTo(texts(t.get("returned_late"), "request_id"));
        assertThat(texts(late, "connection")).isEqualTo(texts(t.get("returned_late"), "connection"));
        assertThat(r.at("/health/verdict").asText()).isEqualTo("critical");
    }

    @Test
    void sqlalchemy() throws Exception {
        JsonNode t = truth("sqlalchemy/sqlalchemy.truth.json");
        JsonNode r = analyze("sqlalchemy/sqlalchemy.jsonl");
        JsonNode s = t.get("summary");
        assertThat(dialect(r)).isEqualTo("sqlalchemy");
        assertThat(r.at("/counts/getconn").asLong()).isEqualTo(s.get("checkouts").asLong());
        assertThat(r.at("/counts/putconn").asLong()).isEqualTo(s.get("checkins").asLong());
        assertThat(r.at("/leaks/leaked_checkouts").asLong()).isEqualTo(s.get("leaks").asLong());
        assertThat(r.at("/counts/getconn_failed").asLong()).isEqualTo(s.get("exhaustion_errors").asLong());
        assertThat(r.at("/statement_timeouts/events").asLong()).isEqualTo(s.get("statement_timeouts").asLong());
        assertThat(r.at("/pool/peak_used").asLong()).isEqualTo(s.get("max_checked_out").asLong());
        assertThat(r.at("/pool/max").asLong()).isEqualTo(t.at("/pool_config/capacity").asLong());
        assertThat(r.at("/leaks/suspected").isNull()).as("SQLAlchemy has no leak warnings").isTrue();
        JsonNode items = r.at("/leaks/items");
        assertThat(texts(items, "request_id")).isEqualTo(texts(t.get("leaks"), "request_id"));
        // The connection's identity is the address in its repr ("at 0x…"), which is what pairs checkout and return.
        Pattern address = Pattern.compile(" at (0x[0-9a-f]+)");
        assertThat(texts(items, "connection")).isEqualTo(sorted(t.get("leaks"), l -> {
            Matcher m = address.matcher(l.get("connection").asText());
            return m.find() ? m.group(1) : null;
        }));
        assertThat(r.at("/health/verdict").asText()).isEqualTo("critical");
    }

    @Test
    void psycopgPool() throws Exception {
        JsonNode t = truth("psycopg-pool/psycopg-pool.truth.json");
        JsonNode r = analyze("psycopg-pool/psycopg-pool.jsonl");
        JsonNode s = t.get("summary");
        assertThat(dialect(r)).isEqualTo("psycopg-pool");
        assertThat(r.at("/counts/getconn").asLong()).isEqualTo(s.get("checkouts").asLong());
        assertThat(r.at("/counts/putconn").asLong()).isEqualTo(s.get("checkins").asLong());
        assertThat(r.at("/leaks/leaked_checkouts").asLong()).isEqualTo(s.get("leaks").asLong());
        assertThat(r.at("/counts/getconn_failed").asLong()).isEqualTo(s.get("pool_timeouts").asLong());
        assertThat(r.at("/statement_timeouts/events").asLong()).isEqualTo(s.get("statement_timeouts").asLong());
        assertThat(r.at("/pool/peak_used").asLong()).isEqualTo(s.get("max_checked_out").asLong());
        assertThat(r.at("/pool/max").asLong()).isEqualTo(t.at("/pool_config/max_size").asLong());
        assertThat(texts(r.at("/leaks/items"), "request_id")).isEqualTo(texts(t.get("leaks"), "request_id"));
        assertThat(r.at("/health/verdict").asText()).isEqualTo("critical");
    }

    @Test
    void aDirectoryOfMixedServicesKeepsEachInputsDialect() throws Exception {
        Cli c = Cli.run("analyze", "--format", "json", resource("sqlalchemy/sqlalchemy.jsonl").toString(),
                resource("hikaricp/hikaricp.jsonl").toString(), resource("psycopg-pool/psycopg-pool.jsonl").toString());
        assertThat(c.code()).as(c.err()).isEqualTo(ExitCode.OK);
        Map<String, String> dialects = new HashMap<>();
        JSON.readTree(c.out()).at("/input/dialects").forEach(d -> dialects.put(
                Path.of(d.get("file").asText()).getFileName().toString(), d.get("dialect").asText()));
        assertThat(dialects).containsEntry("sqlalchemy.jsonl", "sqlalchemy").containsEntry("hikaricp.jsonl", "hikaricp")
                .containsEntry("psycopg-pool.jsonl", "psycopg-pool");
    }
}
