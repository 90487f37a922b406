package dev.poolscope.feed;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.poolscope.analysis.AnalysisOptions;
import dev.poolscope.analysis.Diagnosis;
import dev.poolscope.event.EventNames;
import dev.poolscope.event.FieldMapping;
import dev.poolscope.server.JoinResult;
import dev.poolscope.server.LogLinePrefix;
import dev.poolscope.server.ServerSettings;
import java.io.BufferedReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The join on the SQLAlchemy service's server log (fixtures/postgres-jsonlog/during-sqlalchemy.json: 5
 * idle-in-transaction kills, 1 EOF in a transaction, 25 statement timeouts, no refusals).
 *
 * <p>The app side is a structlog log written here by hand: 6 leaked checkouts at the times the SQLAlchemy
 * service's own truth recorded for its 6 leaks (sqlalchemy.truth.json), 2 failed getconns, 3 statement
 * timeouts 80 ms after three of the server's 57014s and 1 a minute after the last one. Expected, by hand:
 * leaks 6 / 6 / 6 matched; failed connects app 2, server 0, 2 app-only; timeouts app 4, server 25, 3 matched,
 * 1 app-only, 22 server-only.
 */
class ServerJoinTest {
    private static final Path FIXTURES = Path.of("src/test/resources/fixtures");
    private static final Path SERVER = FIXTURES.resolve("postgres-jsonlog/during-sqlalchemy.json");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter PG = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS 'UTC'");

    private static Pipeline pipeline(String application) {
        return new Pipeline(FieldMapping.defaults(), EventNames.defaults(), AnalysisOptions.defaults(), 1 << 20)
                .withServer(new ServerSettings(LogLinePrefix.common(), null, application, ServerSettings.DEFAULT_SKEW));
    }

    @Test
    void leaksLineUpWithTheServersKillsAndEof(@TempDir Path dir) throws Exception {
        Path app = dir.resolve("app.jsonl");
        Files.write(app, appLog());
        Diagnosis d = pipeline("catalog-api").run(List.of(app.toString(), SERVER.toString()), System.in);
        JoinResult j = d.server().join();
        assertThat(d.checkouts().leakedCheckouts()).isEqualTo(6);
        assertThat(j.leaks()).extracting(JoinResult.Pair::app, JoinResult.Pair::server, JoinResult.Pair::matched,
                JoinResult.Pair::appOnly, JoinResult.Pair::serverOnly).containsExactly(6L, 6L, 6L, 0L, 0L);
        assertThat(j.leakPairs()).extracting(p -> p.server().kind())
                .containsExactly("idle_in_transaction_timeout", "idle_in_transaction_timeout",
                        "idle_in_transaction_timeout", "idle_in_transaction_timeout", "idle_in_transaction_timeout",
                        "eof_in_transaction");
        for (JoinResult.LeakPair p : j.leakPairs()) {   // each server end came after its leak, in a session open by then
            assertThat(p.server().time()).isGreaterThan(p.leak().acquiredAt());
            assertThat(p.server().sessionStart()).isLessThan(p.leak().acquiredAt());
        }
        assertThat(j.failedConnects()).extracting(JoinResult.Pair::app, JoinResult.Pair::server,
                JoinResult.Pair::matched, JoinResult.Pair::appOnly).containsExactly(2L, 0L, 0L, 2L);
        assertThat(j.timeouts()).extracting(JoinResult.Pair::app, JoinResult.Pair::server, JoinResult.Pair::matched,
                JoinResult.Pair::appOnly, JoinResult.Pair::serverOnly).containsExactly(4L, 25L, 3L, 1L, 22L);
        assertThat(j.leaks().verdict()).contains("both sides saw the same");
        assertThat(j.timeouts().verdict()).contains("1 only in the app's log").contains("22 only in the server's log");
    }

    @Test
    void anotherApplicationNameJoinsNothingAndSaysSo(@TempDir Path dir) throws Exception {
        Path app = dir.resolve("app.jsonl");
        Files.write(app, appLog());
        JoinResult j = pipeline("billing").run(List.of(app.toString(), SERVER.toString()), System.in).server().join();
        assertThat(j.leaks().server()).isZero();
        assertThat(j.leaks().appOnly()).isEqualTo(6);
        assertThat(j.notes()).anyMatch(n -> n.contains("no session with application_name billing"));
    }

    @Test
    void clocksFurtherApartThanTheToleranceDoNotMatchTimeouts(@TempDir Path dir) throws Exception {
        Path app = dir.resolve("app.jsonl");
        Files.write(app, appLog());
        Pipeline strict = new Pipeline(FieldMapping.defaults(), EventNames.defaults(), AnalysisOptions.defaults(),
                1 << 20).withServer(new ServerSettings(LogLinePrefix.common(), null, "catalog-api",
                java.time.Duration.ofMillis(50)));
        JoinResult j = strict.run(List.of(app.toString(), SERVER.toString()), System.in).server().join();
        assertThat(j.timeouts().matched()).isZero();   // the app's timeouts are 80 ms after the server's
    }

    @Test
    void theRealSqlalchemyPairMatchesAllSixLeaks() throws Exception {
        Diagnosis d = pipeline("catalog-api").run(List.of(FIXTURES.resolve("sqlalchemy/sqlalchemy.jsonl").toString(),
                SERVER.toString()), System.in);
        JoinResult j = d.server().join();
        assertThat(d.checkouts().leakedCheckouts()).isEqualTo(6);
        assertThat(j.leaks()).extracting(JoinResult.Pair::app, JoinResult.Pair::server, JoinResult.Pair::matched)
                .containsExactly(6L, 6L, 6L);
        assertThat(j.timeouts()).extracting(JoinResult.Pair::app, JoinResult.Pair::server, JoinResult.Pair::matched)
                .containsExactly(25L, 25L, 25L);
    }

    /** The hand-built app log, lines in time order. */
    private static List<String> appLog() throws Exception {
        TreeMap<Long, String> lines = new TreeMap<>();
        JsonNode truth = JSON.readTree(FIXTURES.resolve("sqlalchemy/sqlalchemy.truth.json").toFile());
        int n = 0;
        for (JsonNode leak : truth.get("leaks")) {
            long at = micros(Instant.parse(leak.get("checked_out_at").asText().replace("+00:00", "Z")));
            String id = "leak-" + n++;
            lines.put(at, event("pool.getconn.success", at, id, "\"conn_id\": \"c-" + id + "\", \"pool_used\": 5"));
            lines.put(at + 200_000, event("http.request.finished", at + 200_000, id, "\"status\": 200"));
        }
        long start = lines.firstKey();
        for (int i = 0; i < 20; i++) {   // ordinary traffic, every connection returned
            long at = start + i * 3_000_000L + 1000;
            lines.put(at, event("pool.getconn.success", at, "ok-" + i, "\"conn_id\": \"k" + i + "\", \"pool_used\": 3"));
            lines.put(at + 50_000, event("pool.putconn.success", at + 50_000, "ok-" + i,
                    "\"conn_id\": \"k" + i + "\", \"pool_used\": 2"));
        }
        lines.put(start + 35_000_300L, event("pool.getconn.FAILED", start + 35_000_300L, "f-1", "\"pool_used\": 15"));
        lines.put(start + 36_000_300L, event("pool.getconn.FAILED", start + 36_000_300L, "f-2", "\"pool_used\": 15"));
        List<Long> serverTimeouts = serverTimeoutTimes();
        for (int i : new int[] {0, 10, 19}) {   // each at least 2 s from the next server timeout
            long at = serverTimeouts.get(i) + 80_000;
            lines.put(at, event("db.query.failed", at, "t-" + i,
                    "\"error\": \"canceling statement due to statement timeout\""));
        }
        long late = serverTimeouts.get(serverTimeouts.size() - 1) + 60_000_000L;
        lines.put(late, event("db.query.failed", late, "t-late", "\"error\": \"canceling statement due to statement timeout\""));
        return new ArrayList<>(lines.values());
    }

    private static String event(String name, long micros, String request, String extra) {
        Instant t = Instant.ofEpochSecond(micros / 1_000_000, (micros % 1_000_000) * 1000);
        return String.format("{\"event\": \"%s\", \"timestamp\": \"%s\", \"pid\": 7, \"request_id\": \"%s\", "
                + "\"method\": \"GET\", \"path\": \"/v1/x\", %s}", name, t, request, extra);
    }

    /** The server's 57014 times, read from the fixture here rather than by the code under test. */
    private static List<Long> serverTimeoutTimes() throws Exception {
        List<Long> out = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(SERVER)) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                JsonNode n = JSON.readTree(line);
                if ("57014".equals(n.path("state_code").asText())) {
                    out.add(micros(LocalDateTime.parse(n.get("timestamp").asText(), PG).toInstant(ZoneOffset.UTC)));
                }
            }
        }
        assertThat(out).hasSize(25);
        return out;
    }

    private static long micros(Instant i) {
        return i.getEpochSecond() * 1_000_000 + i.getNano() / 1000;
    }
}
