package dev.poolscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.poolscope.testing.Cli;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue #16: {@code analyze --format json} on the real HikariCP, SQLAlchemy and psycopg_pool captures must give
 * every figure of their truth files, which the services recorded from their own bookkeeping while they ran
 * (each fixture's README). Expected values are read from the truth files, never typed here: each truth file names
 * its fields its own way, so a small table per fixture says which truth field each report field must equal.
 */
class DialectFixturesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** SQLAlchemy pairs a connection by the address in its repr ("at 0x…"): the report lists that address. */
    private static final Pattern ADDRESS = Pattern.compile(" at (0x[0-9a-f]+)");

    /** A listed array of the report, the truth items it must list, and per report field how a truth item gives it. */
    private record Listing(String report, Function<JsonNode, List<JsonNode>> truthItems,
                           Map<String, Function<JsonNode, String>> fields) {}

    /**
     * One fixture.
     *
     * @param figures report pointer → truth pointer of the number it must equal
     * @param nulls   report pointers that must be null: figures the dialect cannot give
     * @param origins truth object of origin → true leaks (HikariCP rigs), or null
     * @param helper  truth field naming the helper frame every borrow passes through, or null
     */
    private record Fixture(String name, String log, String truth, String dialect, Map<String, String> figures,
                           List<String> nulls, List<Listing> listings, String origins, String helper) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Fixture> fixtures() {
        Map<String, String> hikariRig = figures(
                "/leaks/leaked_checkouts", "/summary/true_leaks",
                "/leaks/suspected", "/summary/leak_warning_lines_expected",
                "/leaks/returned_late", "/summary/unleaked_lines_expected",
                "/counts/getconn_failed", "/summary/connection_timeouts",
                "/pool/peak_used", "/summary/max_active_seen",
                "/pool/peak_waiting", "/summary/max_waiting_seen",
                "/pool/max", "/pool_config/maximumPoolSize");
        List<Listing> rigListings = List.of(
                new Listing("/leaks/items", array("/true_leaks"), same("request_id", "connection", "thread", "origin")),
                new Listing("/leaks/returned_late_items", array("/returned_late"), same("request_id", "connection")));
        return Stream.of(
                new Fixture("hikaricp 7.1, logstash-logback-encoder", "hikaricp/hikaricp.jsonl",
                        "hikaricp/hikaricp.truth.json", "hikaricp", figures(
                        "/leaks/leaked_checkouts", "/summary/true_leaks",
                        "/leaks/suspected", "/summary/leak_warning_lines_expected",
                        "/leaks/returned_late", "/summary/unleaked_lines_expected",
                        "/counts/getconn_failed", "/summary/connection_timeouts",
                        "/statement_timeouts/events", "/summary/statement_timeouts",
                        "/pool/peak_used", "/summary/max_active_seen",
                        "/pool/max", "/pool_config/maximumPoolSize",
                        "/leaks/by_origin/0/leaked_checkouts", "/summary/true_leaks"),
                        List.of("/counts/getconn", "/leak_delta"), List.of(
                        new Listing("/leaks/items", array("/true_leaks"), same("connection", "request_id", "thread")),
                        new Listing("/leaks/returned_late_items", t -> unleaked(t.at("/leak_detection/warnings")),
                                same("request_id"))), null, null),
                new Fixture("hikaricp 5.1, old stats form", "hikaricp-5/hikaricp5.jsonl",
                        "hikaricp-5/hikaricp5.truth.json", "hikaricp", hikariRig, List.of("/counts/getconn"),
                        rigListings, "/true_leaks_by_origin", "/helper_frame"),
                new Fixture("hikaricp 7.1, log4j2 EcsLayout", "hikaricp-log4j2/hikaricp7-ecs.jsonl",
                        "hikaricp-log4j2/hikaricp7-ecs.truth.json", "hikaricp", hikariRig, List.of("/counts/getconn"),
                        rigListings, "/true_leaks_by_origin", "/helper_frame"),
                new Fixture("sqlalchemy 1.4", "sqlalchemy/sqlalchemy.jsonl", "sqlalchemy/sqlalchemy.truth.json",
                        "sqlalchemy", figures(
                        "/counts/getconn", "/summary/checkouts",
                        "/counts/putconn", "/summary/checkins",
                        "/leaks/leaked_checkouts", "/summary/leaks",
                        "/counts/getconn_failed", "/summary/exhaustion_errors",
                        "/statement_timeouts/events", "/summary/statement_timeouts",
                        "/pool/peak_used", "/summary/max_checked_out",
                        "/pool/max", "/pool_config/capacity"),
                        List.of("/leaks/suspected"), List.of(new Listing("/leaks/items", array("/leaks"), Map.of(
                                "request_id", text("request_id"), "thread", text("thread"),
                                "connection", l -> address(l.get("connection").asText())))),
                        null, null),
                new Fixture("psycopg_pool 3.1", "psycopg-pool/psycopg-pool.jsonl",
                        "psycopg-pool/psycopg-pool.truth.json", "psycopg-pool", figures(
                        "/counts/getconn", "/summary/checkouts",
                        "/counts/putconn", "/summary/checkins",
                        "/leaks/leaked_checkouts", "/summary/leaks",
                        "/counts/getconn_failed", "/summary/pool_timeouts",
                        "/statement_timeouts/events", "/summary/statement_timeouts",
                        "/pool/peak_used", "/summary/max_checked_out",
                        "/pool/max", "/pool_config/max_size"),
                        List.of(), List.of(new Listing("/leaks/items", array("/leaks"), same("request_id", "thread"))),
                        null, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void everyFigureOfTheTruthFile(Fixture f) throws Exception {
        JsonNode t = JSON.readTree(resource(f.truth()).toFile());
        JsonNode r = analyze(f.log());
        assertThat(r.at("/input/dialects/0/dialect").asText()).isEqualTo(f.dialect());
        f.figures().forEach((report, truth) -> {
            assertThat(t.at(truth).isNumber()).as("truth %s", truth).isTrue();
            assertThat(r.at(report).asLong()).as("%s = truth %s", report, truth).isEqualTo(t.at(truth).asLong());
        });
        for (String pointer : f.nulls()) {
            assertThat(r.at(pointer).isNull()).as("%s: n/a in this dialect, not 0", pointer).isTrue();
        }
        for (Listing l : f.listings()) {
            List<JsonNode> want = l.truthItems().apply(t);
            assertThat(want).as("truth of %s", l.report()).isNotEmpty();
            l.fields().forEach((field, fromTruth) -> assertThat(reported(r.at(l.report()), field)).as(l.report() + " " + field)
                    .isEqualTo(sorted(want.stream().map(fromTruth).toList())));
        }
        if (f.origins() != null) {
            Map<String, Long> origins = new HashMap<>();
            r.at("/leaks/by_origin").forEach(o -> origins.put(o.get("origin").asText(), o.get("leaked_checkouts").asLong()));
            Map<String, Long> want = new HashMap<>();
            t.at(f.origins()).fieldNames().forEachRemaining(k -> want.put(k, t.at(f.origins()).get(k).asLong()));
            assertThat(origins).isEqualTo(want);
        } else if (f.dialect().equals("hikaricp")) {
            assertThat(r.at("/leaks/by_origin/0/origin").asText()).contains("ExportController");
        }
        if (f.helper() != null) {
            String helper = t.at(f.helper()).asText();
            assertThat(r.at("/leaks/origin_helpers_skipped/0").asText() + "(")
                    .isEqualTo(helper.substring(0, helper.indexOf('(') + 1));
        }
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

    static Path resource(String name) throws Exception {
        return Path.of(DialectFixturesTest.class.getResource("/fixtures/" + name).toURI());
    }

    static JsonNode analyze(String log) throws Exception {
        Cli r = Cli.run("analyze", "--format", "json", resource(log).toString());
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCode.OK);
        return JSON.readTree(r.out());
    }

    private static Map<String, String> figures(String... pairs) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return m;
    }

    /** Report fields named as in the truth file. */
    private static Map<String, Function<JsonNode, String>> same(String... names) {
        Map<String, Function<JsonNode, String>> m = new LinkedHashMap<>();
        for (String n : names) {
            m.put(n, text(n));
        }
        return m;
    }

    private static Function<JsonNode, String> text(String field) {
        return n -> n.path(field).isNull() || n.path(field).isMissingNode() ? null : n.path(field).asText();
    }

    private static Function<JsonNode, List<JsonNode>> array(String pointer) {
        return t -> {
            List<JsonNode> out = new ArrayList<>();
            t.at(pointer).forEach(out::add);
            return out;
        };
    }

    /** The hikaricp fixture lists every leak warning; those followed by "unleaked" were returned late. */
    private static List<JsonNode> unleaked(JsonNode warnings) {
        List<JsonNode> out = new ArrayList<>();
        warnings.forEach(w -> {
            if (w.path("unleaked_logged").asBoolean()) {
                out.add(w);
            }
        });
        return out;
    }

    private static String address(String repr) {
        Matcher m = ADDRESS.matcher(repr);
        return m.find() ? m.group(1) : null;
    }

    private static List<String> reported(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(text(field).apply(n)));
        return sorted(out);
    }

    private static List<String> sorted(List<String> values) {
        List<String> out = new ArrayList<>(values);
        out.sort(java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder()));
        return out;
    }
}
