package dev.poolscope.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every figure of the real PostgreSQL 15 fixtures (src/test/resources/fixtures/postgres/*), read from each of
 * the three files of a run (stderr, csvlog, jsonlog) and compared with the truth the workload recorded
 * itself (truth.json), never with what the log says.
 */
class ServerFixtureTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<Arguments> files() {
        return Stream.of("default-prefix", "rich-prefix", "pgbadger-prefix").flatMap(v -> Stream.of(
                "postgresql.log", "postgresql.csv", "postgresql.json").map(f -> Arguments.of(v, f)));
    }

    private static JsonNode truth(String variant) throws IOException {
        return JSON.readTree(ServerLogs.FIXTURES.resolve("postgres").resolve(variant).resolve("truth.json").toFile());
    }

    private static ServerResult read(String variant, String file) {
        ServerSettings settings = new ServerSettings(LogLinePrefix.common(), 12, null, ServerSettings.DEFAULT_SKEW);
        return ServerLogs.analyze(settings, ServerLogs.FIXTURES.resolve("postgres").resolve(variant).resolve(file));
    }

    @ParameterizedTest(name = "{0}/{1}")
    @MethodSource("files")
    void sessionsMatchTheTruth(String variant, String file) throws IOException {
        JsonNode f = truth(variant).get("figures");
        ServerResult r = read(variant, file);
        SessionFigures s = r.sessions();
        assertThat(s.count()).isEqualTo(f.get("sessions").asLong());
        assertThat(s.peak()).isEqualTo(f.get("peak_concurrent_sessions").asLong());
        assertThat(s.maxConnections()).isEqualTo(truth(variant).get("server_settings").get("max_connections").asInt());
        assertThat(s.connectionsReceived()).isEqualTo(f.get("connections_received").asLong());
        assertThat(s.lengths().count()).isEqualTo(f.get("sessions").asLong());   // every session logged its end
        assertThat(s.beganBeforeLog()).isZero();
        assertThat(s.openAtEnd()).isZero();
        assertThat(sessionsByApplication(r)).isEqualTo(counts(f.get("sessions_by_application")));
        assertThat(r.unparsedLines()).isZero();
    }

    @ParameterizedTest(name = "{0}/{1}")
    @MethodSource("files")
    void connectionsHeldInATransactionMatchTheTruth(String variant, String file) throws IOException {
        JsonNode t = truth(variant);
        JsonNode f = t.get("figures");
        ServerResult r = read(variant, file);
        assertThat(r.idleInTransactionKills()).isEqualTo(f.get("idle_in_transaction_kills").asLong());
        assertThat(r.eofInTransaction()).isEqualTo(f.get("eof_with_open_transaction").asLong());
        assertThat(r.byApplication()).filteredOn(a -> a.idleInTransactionKills() > 0)
                .extracting(ApplicationRow::application, ApplicationRow::idleInTransactionKills)
                .containsExactlyInAnyOrderElementsOf(pairs(f.get("idle_in_transaction_kills_by_application")));
        assertThat(r.byApplication()).filteredOn(a -> a.eofInTransaction() > 0)
                .extracting(ApplicationRow::application, ApplicationRow::eofInTransaction)
                .containsExactlyInAnyOrderElementsOf(pairs(f.get("eof_with_open_transaction_by_application")));
        Set<Integer> killed = new HashSet<>();
        Set<Integer> eof = new HashSet<>();
        for (JsonNode e : t.get("events")) {
            if (e.get("kind").asText().equals("idle_in_transaction_killed")) {
                killed.add(e.get("pid").asInt());
            } else if (e.get("kind").asText().equals("client_died") && e.get("open_transaction").asBoolean()) {
                eof.add(e.get("pid").asInt());
            }
        }
        assertThat(r.heldInTransaction()).filteredOn(l -> l.kind().equals(SessionLoss.IDLE_IN_TRANSACTION))
                .extracting(SessionLoss::pid).containsExactlyInAnyOrderElementsOf(killed);
        assertThat(r.heldInTransaction()).filteredOn(l -> l.kind().equals(SessionLoss.EOF_IN_TRANSACTION))
                .extracting(SessionLoss::pid).containsExactlyInAnyOrderElementsOf(eof);
        Map<Integer, JsonNode> sessions = new HashMap<>();
        t.get("sessions").forEach(s -> sessions.put(s.get("pid").asInt(), s));
        long idleTimeout = 5_000_000;   // idle_in_transaction_session_timeout = '5s' (server_settings)
        for (SessionLoss l : r.heldInTransaction()) {
            JsonNode s = sessions.get(l.pid());
            long life = micros(s.get("ended_at").asText()) - micros(s.get("connected_at").asText());
            assertThat(l.livedMicros()).as("pid %d", l.pid()).isBetween(0L, life + 1_000_000);
            if (l.kind().equals(SessionLoss.IDLE_IN_TRANSACTION)) {
                assertThat(l.livedMicros()).isGreaterThanOrEqualTo(idleTimeout - 1_000_000);   // %t: whole seconds
            }
            assertThat(l.application()).isEqualTo(s.get("application_name").asText());
            assertThat(l.user()).isEqualTo(s.get("user").asText());
        }
    }

    @ParameterizedTest(name = "{0}/{1}")
    @MethodSource("files")
    void refusalsMatchTheTruth(String variant, String file) throws IOException {
        JsonNode t = truth(variant);
        JsonNode f = t.get("figures");
        ServerResult r = read(variant, file);
        assertThat(r.tooManyClients()).isEqualTo(f.get("too_many_clients").asLong());
        assertThat(r.tooManyClientsByMessage()).isEqualTo(counts(f.get("too_many_clients_by_message")));
        // The server names the application only for refusals after authorization ("remaining connection
        // slots …"); "sorry, too many clients already" comes before it (docs/postgres-reference.md).
        Map<String, Long> expected = new HashMap<>();
        for (JsonNode c : t.get("refused_connects")) {
            boolean named = c.get("client_message").asText().contains("remaining connection slots");
            expected.merge(named ? c.get("application_name").asText() : "(unknown)", 1L, Long::sum);
        }
        Map<String, Long> got = new HashMap<>();
        r.byApplication().stream().filter(a -> a.tooManyClients() > 0)
                .forEach(a -> got.put(a.application(), a.tooManyClients()));
        assertThat(got).isEqualTo(expected);
        long first = micros(t.get("refused_connects").get(0).get("at").asText());
        assertThat(r.tooManyClientsWindows()).hasSize(1);   // 5 refusals about 0.5 s apart, within --merge-gap
        assertThat(r.tooManyClientsWindows().get(0).refusals()).isEqualTo(5);
        assertThat(Math.abs(r.tooManyClientsWindows().get(0).start() - first)).isLessThan(1_000_000);
    }

    @ParameterizedTest(name = "{0}/{1}")
    @MethodSource("files")
    void statementTimeoutsAndOtherLossesMatchTheTruth(String variant, String file) throws IOException {
        JsonNode t = truth(variant);
        JsonNode f = t.get("figures");
        ServerResult r = read(variant, file);
        assertThat(r.statementTimeouts()).isEqualTo(f.get("statement_timeouts").asLong());
        assertThat(r.userCancels()).isEqualTo(f.get("user_cancels").asLong());
        // The truth's three statements, literals replaced by hand: 42 and 317 make one shape.
        assertThat(r.timeoutsByStatement()).extracting(StatementRow::statement, StatementRow::application,
                StatementRow::count).containsExactly(
                org.assertj.core.groups.Tuple.tuple("SELECT pg_sleep(?), id FROM orders WHERE id = ?", "billing-worker", 2L),
                org.assertj.core.groups.Tuple.tuple("UPDATE orders SET total = total + ? WHERE id = ? AND (SELECT true "
                        + "FROM pg_sleep(?))", "billing-worker", 1L));
        Set<String> statements = new HashSet<>();
        t.get("events").forEach(e -> {
            if (e.get("kind").asText().equals("statement_timeout")) {
                statements.add(e.get("statement").asText());
            }
        });
        // The examples are the statements as sent, the multi-line UPDATE included (stderr continuation lines).
        assertThat(statements).containsAll(r.timeoutsByStatement().stream().map(StatementRow::example).toList());
        assertThat(r.otherLosses()).containsEntry("admin_termination", f.get("admin_terminations").asLong())
                .containsEntry("idle_session_timeout", f.get("idle_session_timeouts").asLong())
                .containsEntry("connection_reset", f.get("connection_reset_by_peer").asLong())
                .containsEntry("protocol_violation", f.get("tcp_probes_with_incomplete_startup_packet").asLong());
    }

    private static Map<String, Long> sessionsByApplication(ServerResult r) {
        Map<String, Long> m = new HashMap<>();
        r.byApplication().stream().filter(a -> a.sessions() > 0).forEach(a -> m.put(a.application(), a.sessions()));
        return m;
    }

    private static Map<String, Long> counts(JsonNode object) {
        Map<String, Long> m = new HashMap<>();
        object.propertyStream().forEach(e -> m.put(e.getKey(), e.getValue().asLong()));
        return m;
    }

    private static List<org.assertj.core.groups.Tuple> pairs(JsonNode object) {
        return counts(object).entrySet().stream()
                .map(e -> org.assertj.core.groups.Tuple.tuple(e.getKey(), e.getValue())).toList();
    }

    static long micros(String iso) {
        Instant i = java.time.OffsetDateTime.parse(iso).toInstant();
        return i.getEpochSecond() * 1_000_000 + i.getNano() / 1000;
    }
}
