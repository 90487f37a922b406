package dev.poolscope.event;

import static dev.poolscope.event.Decoding.decode;
import static dev.poolscope.event.Decoding.micros;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class EventDecoderTest {
    private static final String GETCONN = "\"event\":\"pool.getconn.success\"";

    /** The keys issue #2 names for each field, written out here rather than read from {@link Field}. */
    static Stream<Arguments> defaultKeys() {
        Function<PoolEvent, Object> requestId = PoolEvent::requestId;
        Function<PoolEvent, Object> connId = PoolEvent::connId;
        Function<PoolEvent, Object> used = PoolEvent::poolUsed;
        Function<PoolEvent, Object> max = PoolEvent::poolMax;
        Function<PoolEvent, Object> endpoint = PoolEvent::endpoint;
        Function<PoolEvent, Object> process = PoolEvent::process;
        return Stream.of(
                Arguments.of("request_id", "\"r-1\"", requestId, "r-1"),
                Arguments.of("requestId", "\"r-1\"", requestId, "r-1"),
                Arguments.of("req_id", "\"r-1\"", requestId, "r-1"),
                Arguments.of("correlation_id", "\"r-1\"", requestId, "r-1"),
                Arguments.of("trace_id", "\"r-1\"", requestId, "r-1"),
                Arguments.of("conn_id", "\"c-9\"", connId, "c-9"),
                Arguments.of("connection_id", "\"c-9\"", connId, "c-9"),
                Arguments.of("backend_pid", "26702", connId, "26702"),
                Arguments.of("conn", "\"c-9\"", connId, "c-9"),
                Arguments.of("pool_used", "12", used, 12),
                Arguments.of("used", "12", used, 12),
                Arguments.of("in_use", "12", used, 12),
                Arguments.of("pool_max", "80", max, 80),
                Arguments.of("maxconn", "80", max, 80),
                Arguments.of("path", "\"/api/projects/17\"", endpoint, "/api/projects/{id}"),
                Arguments.of("endpoint", "\"/api/projects/17\"", endpoint, "/api/projects/{id}"),
                Arguments.of("route", "\"/api/projects/{project_id}\"", endpoint, "/api/projects/{project_id}"),
                Arguments.of("url", "\"http://h/api/projects/17?x=1\"", endpoint, "/api/projects/{id}"),
                Arguments.of("pid", "4242", process, "4242"),
                Arguments.of("process", "\"worker-3\"", process, "worker-3"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("defaultKeys")
    void readsEachFieldFromEachDefaultKey(String key, String json, Function<PoolEvent, Object> get, Object expected)
            throws Exception {
        PoolEvent e = decode("{" + GETCONN + ",\"" + key + "\":" + json + "}");
        assertThat(get.apply(e)).isEqualTo(expected);
        assertThat(e.kind()).isEqualTo(EventKind.CHECKOUT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"event", "message", "msg"})
    void readsTheEventNameFromEachDefaultKey(String key) throws Exception {
        assertThat(decode("{\"" + key + "\":\"pool.putconn.success\"}").kind()).isEqualTo(EventKind.CHECKIN);
    }

    @ParameterizedTest
    @ValueSource(strings = {"timestamp", "@timestamp", "time", "ts", "asctime"})
    void readsTheTimeFromEachDefaultKey(String key) throws Exception {
        assertThat(decode("{" + GETCONN + ",\"" + key + "\":\"2026-01-06T10:15:23.123456Z\"}").time())
                .isEqualTo(micros("2026-01-06T10:15:23.123456Z"));
    }

    @Test
    void classifiesTheDefaultEventNames() throws Exception {
        assertThat(decode("{\"event\":\"pool.getconn.success\"}").kind()).isEqualTo(EventKind.CHECKOUT);
        assertThat(decode("{\"event\":\"pool.putconn.success\"}").kind()).isEqualTo(EventKind.CHECKIN);
        assertThat(decode("{\"event\":\"pool.getconn.FAILED\"}").kind()).isEqualTo(EventKind.CHECKOUT_FAILED);
        assertThat(decode("{\"event\":\"pool.nearly_exhausted\"}").kind()).isEqualTo(EventKind.NEARLY_EXHAUSTED);
        assertThat(decode("{\"event\":\"http.request.finished\"}").kind()).isEqualTo(EventKind.REQUEST_END);
        assertThat(decode("{\"event\":\"pool.getconn.failed\"}").kind()).as("names are case-sensitive")
                .isEqualTo(EventKind.OTHER);
        assertThat(decode("{\"event\":\"db.query\"}").kind()).isEqualTo(EventKind.OTHER);
        assertThat(decode("{}").kind()).isEqualTo(EventKind.OTHER);
    }

    @Test
    void overriddenEventNamesReplaceTheDefaults() throws Exception {
        EventNames names = new EventNames("db.acquire", "db.release", "db.acquire.failed", "db.pool.high",
                Set.of("req.done"));
        FieldMapping m = FieldMapping.defaults();
        assertThat(decode("{\"event\":\"db.acquire\"}", m, names).kind()).isEqualTo(EventKind.CHECKOUT);
        assertThat(decode("{\"event\":\"db.release\"}", m, names).kind()).isEqualTo(EventKind.CHECKIN);
        assertThat(decode("{\"event\":\"db.acquire.failed\"}", m, names).kind()).isEqualTo(EventKind.CHECKOUT_FAILED);
        assertThat(decode("{\"event\":\"db.pool.high\"}", m, names).kind()).isEqualTo(EventKind.NEARLY_EXHAUSTED);
        assertThat(decode("{\"event\":\"req.done\"}", m, names).kind()).isEqualTo(EventKind.REQUEST_END);
        assertThat(decode("{\"event\":\"pool.getconn.success\"}", m, names).kind()).isEqualTo(EventKind.OTHER);
        assertThat(decode("{\"event\":\"http.request.finished\"}", m, names).kind()).isEqualTo(EventKind.OTHER);
    }

    @Test
    void anOverrideReplacesTheDefaultKeysOfItsField() throws Exception {
        FieldMapping m = FieldMapping.withOverrides(Map.of(Field.REQUEST_ID, List.of("rid"), Field.EVENT, List.of("kind"),
                Field.TIME, List.of("when")));
        PoolEvent e = decode("{\"kind\":\"pool.getconn.success\",\"event\":\"pool.putconn.success\",\"request_id\":\"ignored\","
                + "\"rid\":\"mine\",\"timestamp\":\"2020-01-01T00:00:00Z\",\"when\":\"2026-01-06T10:00:00Z\"}", m,
                EventNames.defaults());
        assertThat(e.kind()).isEqualTo(EventKind.CHECKOUT);
        assertThat(e.requestId()).isEqualTo("mine");
        assertThat(e.time()).isEqualTo(micros("2026-01-06T10:00:00Z"));
        assertThat(decode("{\"request_id\":\"r\"}", m, EventNames.defaults()).requestId()).isNull();
    }

    @Test
    void anOverrideMayClaimAKeyThatByDefaultMeansAnotherField() throws Exception {
        // A log whose "pid" is the PostgreSQL backend, i.e. the connection; its process is in "worker".
        FieldMapping m = FieldMapping.withOverrides(Map.of(Field.CONN_ID, List.of("pid"),
                Field.PROCESS, List.of("worker")));
        PoolEvent e = decode("{" + GETCONN + ",\"pid\":26702,\"worker\":\"w1\",\"conn_id\":\"x\"}", m,
                EventNames.defaults());
        assertThat(e.connId()).isEqualTo("26702");
        assertThat(e.process()).isEqualTo("w1");
    }

    @Test
    void overridesRejectBlankKeys() {
        assertThatThrownBy(() -> FieldMapping.withOverrides(Map.of(Field.TIME, List.of(" "))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FieldMapping.withOverrides(Map.of(Field.TIME, List.of())))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"trace_id\":\"low\",\"request_id\":\"high\"}",
        "{\"request_id\":\"high\",\"trace_id\":\"low\"}",
        "{\"correlation_id\":\"low\",\"requestId\":\"high\",\"req_id\":\"lower\"}"})
    void theBetterRankedKeyWinsWhateverTheOrder(String json) throws Exception {
        assertThat(decode(json).requestId()).isEqualTo("high");
    }

    @Test
    void connIdBeatsBackendPidAsInTheRealCapture() throws Exception {
        PoolEvent e = decode("{\"conn_id\":139700565699584,\"backend_pid\":26702," + GETCONN + "}");
        assertThat(e.connId()).isEqualTo("139700565699584");
        e = decode("{\"backend_pid\":26702,\"conn_id\":139700565699584," + GETCONN + "}");
        assertThat(e.connId()).isEqualTo("139700565699584");
    }

    @Test
    void routeBeatsPathAndUrl() throws Exception {
        PoolEvent e = decode("{\"path\":\"/api/projects/17\",\"url\":\"http://h/x\",\"route\":\"/api/projects/{project_id}\","
                + "\"method\":\"delete\"}");
        assertThat(e.endpoint()).isEqualTo("DELETE /api/projects/{project_id}");
    }

    @Test
    void nestedKeysAreNotTopLevelFields() throws Exception {
        PoolEvent e = decode("{\"ctx\":{\"request_id\":\"inner\",\"event\":\"pool.putconn.success\","
                + "\"deeper\":[{\"conn_id\":\"c\"}]}," + GETCONN + ",\"extra\":[\"pool_used\",5]}");
        assertThat(e.kind()).isEqualTo(EventKind.CHECKOUT);
        assertThat(e.requestId()).isNull();
        assertThat(e.connId()).isNull();
        assertThat(e.poolUsed()).isEqualTo(PoolEvent.NO_COUNT);
    }

    @Test
    void aMappedKeyWithAnObjectValueIsIgnoredAndDoesNotLeakIntoTheNextKey() throws Exception {
        PoolEvent e = decode("{\"request_id\":{\"id\":\"x\"},\"conn_id\":[1,2]," + GETCONN + ",\"pool_used\":true}");
        assertThat(e.requestId()).isNull();
        assertThat(e.connId()).isNull();
        assertThat(e.poolUsed()).isEqualTo(PoolEvent.NO_COUNT);
    }

    @Test
    void duplicateKeysLastOneWinsAsInPythonJson() throws Exception {
        assertThat(decode("{\"request_id\":\"a\",\"request_id\":\"b\"}").requestId()).isEqualTo("b");
        assertThat(decode("{\"event\":\"pool.getconn.success\",\"event\":\"pool.putconn.success\"}").kind())
                .isEqualTo(EventKind.CHECKIN);
    }

    @Test
    void missingAndEmptyFieldsAreAbsent() throws Exception {
        PoolEvent e = decode("{" + GETCONN + ",\"request_id\":\"\",\"timestamp\":\"\",\"path\":\"\"}");
        assertThat(e.requestId()).isNull();
        assertThat(e.connId()).isNull();
        assertThat(e.time()).isEqualTo(PoolEvent.NO_TIME);
        assertThat(e.hasTime()).isFalse();
        assertThat(e.poolUsed()).isEqualTo(PoolEvent.NO_COUNT);
        assertThat(e.hasPoolUsed()).isFalse();
        assertThat(e.poolMax()).isEqualTo(PoolEvent.NO_COUNT);
        assertThat(e.endpoint()).isNull();
        assertThat(e.process()).isEmpty();
        assertThat(e.statementTimeout()).isFalse();
        assertThat(e.exhaustionText()).isFalse();
        assertThat(e.source()).isEqualTo("test.jsonl");
        assertThat(e.line()).isEqualTo(7);
    }

    @Test
    void idsCompareEqualWhetherWrittenAsNumbersOrStrings() throws Exception {
        PoolEvent asNumbers = decode("{\"request_id\":42,\"conn_id\":139700565699584,\"pid\":26680}");
        PoolEvent asStrings = decode("{\"request_id\":\"42\",\"conn_id\":\"139700565699584\",\"pid\":\"26680\"}");
        assertThat(asNumbers.requestId()).isEqualTo("42").isEqualTo(asStrings.requestId());
        assertThat(asNumbers.connId()).isEqualTo("139700565699584").isEqualTo(asStrings.connId());
        assertThat(asNumbers.process()).isEqualTo("26680").isEqualTo(asStrings.process());
    }

    @Test
    void countsAcceptNumbersAndNumericStringsOnly() throws Exception {
        assertThat(decode("{\"pool_used\":\"12\"}").poolUsed()).isEqualTo(12);
        assertThat(decode("{\"pool_used\":12.0}").poolUsed()).isEqualTo(12);
        assertThat(decode("{\"pool_used\":\"n/a\"}").poolUsed()).isEqualTo(PoolEvent.NO_COUNT);
        assertThat(decode("{\"pool_used\":-3}").poolUsed()).isEqualTo(PoolEvent.NO_COUNT);
        assertThat(decode("{\"pool_used\":1e12}").poolUsed()).isEqualTo(PoolEvent.NO_COUNT);
    }

    @Test
    void hostAndProcessTogetherNameTheProcess() throws Exception {
        assertThat(decode("{\"hostname\":\"web-1\",\"pid\":4242}").process()).isEqualTo("web-1/4242");
        assertThat(decode("{\"pod\":\"api-7f9\"}").process()).isEqualTo("api-7f9");
        assertThat(decode("{\"host\":\"web-2\",\"process\":\"9\"}").process()).isEqualTo("web-2/9");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"event\":\"db.error\",\"error\":\"canceling statement due to statement timeout\\n\"}",
        "{\"event\":\"db.error\",\"exception\":\"Traceback...\\npsycopg2.errors.QueryCanceled: canceling statement due to statement timeout\\n\"}",
        "{\"event\":\"ERROR:  canceling statement due to statement timeout\"}",
        "{\"msg\":\"query failed: canceling statement due to statement timeout\"}",
        "{\"event\":\"db.error\",\"exc_info\":{\"type\":\"QueryCanceled\",\"detail\":{\"text\":\"canceling statement due to statement timeout\"}}}",
        "{\"event\":\"db.error\",\"errors\":[\"other\",\"canceling statement due to statement timeout\"]}",
        "{\"event\":\"db.error\",\"pgcode\":\"57014\"}",
        "{\"event\":\"db.error\",\"pgcode\":57014}",
        "{\"event\":\"db.error\",\"sqlstate\":\"57014\"}"})
    void detectsStatementTimeoutsByTextAnywhereOrBySqlstate(String json) throws Exception {
        assertThat(decode(json).statementTimeout()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"event\":\"db.error\",\"pgcode\":\"23505\",\"error\":\"duplicate key value violates unique constraint\"}",
        "{\"event\":\"canceling statement due to user request\",\"pgcode\":\"57014x\"}",
        "{\"canceling statement due to statement timeout\":true}"})
    void otherErrorsAreNotStatementTimeouts(String json) throws Exception {
        assertThat(decode(json).statementTimeout()).isFalse();
    }

    @Test
    void timeoutOrErrorEventIsATimeoutOnlyWhenItsFieldsSaySo() throws Exception {
        // Both lines as the real capture writes them (api.coding.stats.timeout_or_error).
        PoolEvent divisionByZero = decode("{\"logger\":\"app.api.coding\",\"project_id\":425,\"error\":\"division by zero\\n\","
                + "\"error_type\":\"DivisionByZero\",\"pgcode\":\"22012\",\"statement_timeout_ms\":800,\"elapsed_ms\":28.9,"
                + "\"event\":\"api.coding.stats.timeout_or_error\",\"method\":\"GET\",\"request_id\":\"5914cd8a\","
                + "\"path\":\"/api/coding/stats?project_id=425\",\"pid\":26680,\"level\":\"error\","
                + "\"timestamp\":\"2026-11-27T15:16:31.243599Z\"}");
        PoolEvent queryCanceled = decode("{\"error\":\"canceling statement due to statement timeout\\n\","
                + "\"error_type\":\"QueryCanceled\",\"pgcode\":\"57014\",\"event\":\"api.coding.stats.timeout_or_error\","
                + "\"request_id\":\"d2df1aa8\",\"path\":\"/api/coding/stats?project_id=386\",\"pid\":26680}");
        assertThat(divisionByZero.statementTimeout()).isFalse();
        assertThat(queryCanceled.statementTimeout()).isTrue();
        assertThat(queryCanceled.endpoint()).isEqualTo("/api/coding/stats");
    }

    @Test
    void exhaustionTextOnAnotherEventIsAnExhaustionErrorNotAFailedCheckout() throws Exception {
        PoolEvent unavailable = decode("{\"error\":\"connection pool exhausted\",\"event\":\"http.request.service_unavailable\","
                + "\"method\":\"DELETE\",\"request_id\":\"r\",\"path\":\"/api/projects/675\",\"pid\":26680}");
        PoolEvent failed = decode("{\"error\":\"connection pool exhausted\",\"error_type\":\"PoolError\","
                + "\"event\":\"pool.getconn.FAILED\",\"exception\":\"psycopg2.pool.PoolError: connection pool exhausted\"}");
        PoolEvent nested = decode("{\"event\":\"job.failed\",\"exc\":{\"msg\":\"PoolError('connection pool exhausted')\"}}");
        assertThat(unavailable.kind()).isEqualTo(EventKind.OTHER);
        assertThat(unavailable.exhaustionText()).isTrue();
        assertThat(failed.kind()).isEqualTo(EventKind.CHECKOUT_FAILED);
        assertThat(failed.exhaustionText()).as("a failed checkout is counted once, as a failed checkout").isFalse();
        assertThat(nested.exhaustionText()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"[1,2]", "\"a string\"", "42", "null", "true", "not json at all", "{\"a\":1",
        "{\"a\":}", "{\"a\":1} trailing", "{\"a\":1}{\"b\":2}", "{'a':1}", "", "   "})
    void linesThatAreNotOneJsonObjectAreMalformed(String line) {
        assertThatThrownBy(() -> decode(line)).isInstanceOf(MalformedLineException.class)
                .satisfies(e -> assertThat(e.getMessage()).isNotBlank().doesNotContain("\n"));
    }

    @Test
    void aMalformedLineDoesNotDisturbTheNextOne() throws Exception {
        EventDecoder d = new EventDecoder(new com.fasterxml.jackson.core.JsonFactory(), FieldMapping.defaults(),
                EventNames.defaults());
        byte[] bad = "{\"request_id\":\"r1\",\"pool_used\":5,\"error\":\"connection pool exhausted\", oops".getBytes();
        byte[] good = "{\"event\":\"pool.putconn.success\"}".getBytes();
        assertThatThrownBy(() -> d.decode(bad, 0, bad.length, "f", 1)).isInstanceOf(MalformedLineException.class);
        PoolEvent e = d.decode(good, 0, good.length, "f", 2);
        assertThat(e.requestId()).isNull();
        assertThat(e.poolUsed()).isEqualTo(PoolEvent.NO_COUNT);
        assertThat(e.exhaustionText()).isFalse();
        assertThat(e.line()).isEqualTo(2);
    }

    @Test
    void numericTimestampsAreEpochNumbers() throws Exception {
        assertThat(decode("{\"ts\":1767694523.5}").time()).isEqualTo(micros("2026-01-06T10:15:23.500Z"));
        assertThat(decode("{\"ts\":1767694523123}").time()).isEqualTo(micros("2026-01-06T10:15:23.123Z"));
    }
}
