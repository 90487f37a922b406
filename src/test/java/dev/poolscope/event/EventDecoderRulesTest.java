package dev.poolscope.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonFactory;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Rules of the decoder checked on both paths, the byte pre-filter's and jackson's: error signals
 * (docs/findings.md, "error texts"), counts (docs/log-format.md), the default process, whole messages for
 * user signatures, and the reasons of malformed lines.
 */
class EventDecoderRulesTest {
    private static final JsonFactory FACTORY = new JsonFactory();

    private static EventDecoder decoder(boolean prefilter) {
        return new EventDecoder(FACTORY, FieldMapping.defaults(), EventNames.defaults(), prefilter);
    }

    private static PoolEvent decode(EventDecoder d, String json) throws MalformedLineException {
        byte[] b = json.getBytes(StandardCharsets.UTF_8);
        return d.decode(b, 0, b.length, "f", 1);
    }

    private static PoolEvent decode(boolean prefilter, String json) throws MalformedLineException {
        return decode(decoder(prefilter), json);
    }

    // --- error signals: searched on severe lines, lines without a level, and lines with a SQLSTATE ---

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void aSevereLineQuotingATextCarriesItsSignal(boolean prefilter) throws Exception {
        Signal s = decode(prefilter, "{\"event\":\"db.error\",\"level\":\"error\","
                + "\"error\":\"relation \\\"jobs\\\" does not exist\"}").signal();
        assertThat(s).isEqualTo(new Signal(Signal.Kind.SCHEMA_MISSING, "does not exist", "relation \"jobs\" does not exist"));
        assertThat(decode(prefilter, "{\"event\":\"db.error\",\"error\":\"no such table\"}").signal().needle())
                .as("no level, a value exactly the text").isEqualTo("no such table");
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void aQuietLineQuotingATextCarriesNone(boolean prefilter) throws Exception {
        assertThat(decode(prefilter, "{\"event\":\"migrate\",\"level\":\"info\","
                + "\"msg\":\"relation jobs does not exist yet, creating it\"}").signal()).isNull();
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void aSqlstateMakesAQuietLineSearched(boolean prefilter) throws Exception {
        Signal s = decode(prefilter, "{\"event\":\"db.error\",\"level\":\"info\",\"pgcode\":\"08006\","
                + "\"error\":\"server closed the connection unexpectedly\"}").signal();
        assertThat(s).isEqualTo(new Signal(Signal.Kind.STALE_CONNECTION, "server closed the connection unexpectedly",
                "server closed the connection unexpectedly"));
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void sqlstate42P01AloneIsAMissingSchema(boolean prefilter) throws Exception {
        assertThat(decode(prefilter, "{\"event\":\"db.error\",\"level\":\"info\",\"pgcode\":\"42P01\"}").signal())
                .isEqualTo(new Signal(Signal.Kind.SCHEMA_MISSING, "42P01", null));
        // a text found on the line is kept before the code's own signal
        assertThat(decode(prefilter, "{\"event\":\"db.error\",\"pgcode\":\"42P01\","
                + "\"error\":\"SSL SYSCALL error: EOF detected\"}").signal().kind()).isEqualTo(Signal.Kind.STALE_CONNECTION);
        assertThat(decode(prefilter, "{\"event\":\"db.error\",\"level\":\"error\",\"pgcode\":\"42P02\"}").signal())
                .isNull();
        assertThat(decode(prefilter, "{\"event\":\"db.error\",\"level\":\"error\"}").signal()).isNull();
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void aTextOneCharacterShortIsNoSignal(boolean prefilter) throws Exception {
        assertThat(decode(prefilter, "{\"event\":\"db.error\",\"error\":\"no such tabl\"}").signal()).isNull();
    }

    // --- counts: numbers or numeric strings, fractions truncated, negative or non-numeric ignored ---

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void countsUpToTheLargestInt(boolean prefilter) throws Exception {
        assertThat(decode(prefilter, "{\"pool_used\":0}").poolUsed()).isZero();
        assertThat(decode(prefilter, "{\"pool_used\":0.0}").poolUsed()).isZero();
        assertThat(decode(prefilter, "{\"pool_used\":0.9}").poolUsed()).isZero();
        assertThat(decode(prefilter, "{\"pool_used\":\"-1\"}").poolUsed()).isEqualTo(PoolEvent.NO_COUNT);
        assertThat(decode(prefilter, "{\"pool_used\":123456789}").poolUsed()).isEqualTo(123_456_789);
        assertThat(decode(prefilter, "{\"pool_used\":1234567890}").poolUsed()).isEqualTo(1_234_567_890);
        assertThat(decode(prefilter, "{\"pool_used\":2147483647}").poolUsed()).isEqualTo(Integer.MAX_VALUE);
        assertThat(decode(prefilter, "{\"pool_used\":2147483648}").poolUsed()).isEqualTo(PoolEvent.NO_COUNT);
        assertThat(decode(prefilter, "{\"pool_max\":\"12345678901\"}").poolMax()).isEqualTo(PoolEvent.NO_COUNT);
        assertThat(decode(prefilter, "{\"pool_max\":\"99999999999\"}").poolMax()).isEqualTo(PoolEvent.NO_COUNT);
    }

    // --- pairing is per file when a line names no process ---

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void theDefaultProcessNamesLinesWithoutOne(boolean prefilter) throws Exception {
        EventDecoder d = decoder(prefilter);
        assertThat(decode(d, "{\"event\":\"a\"}").process()).isEmpty();
        d.defaultProcess("app.log");
        assertThat(decode(d, "{\"event\":\"a\"}").process()).isEqualTo("app.log");
        assertThat(decode(d, "{\"event\":\"a\",\"pid\":7}").process()).isEqualTo("7");
        d.defaultProcess(null);
        assertThat(decode(d, "{\"event\":\"a\"}").process()).isEmpty();
    }

    // --- user signatures see every event text, whole (docs/findings.md) ---

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void keptMessagesAreHandedOnWhole(boolean prefilter) throws Exception {
        String text = "GET /api/reports/monthly took 2.5 s and held its connection all along ".repeat(4).strip();
        String line = "{\"event\":\"" + text + "\",\"level\":\"info\"}";
        EventDecoder d = decoder(prefilter);
        assertThat(decode(d, line).name()).as("not kept by default").isNull();
        d.keepMessages();
        assertThat(decode(d, line).name()).isEqualTo(text);
        assertThat(decode(d, "{\"event\":\"pool.getconn.success\"}").name()).isEqualTo("pool.getconn.success");
    }

    // --- one line's values never reach the next ---

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void argumentsOfOneLineDoNotFillTheNextLinesTemplate(boolean prefilter) throws Exception {
        LineText[] seen = new LineText[1];
        LineRecognizer capture = (base, text) -> {
            seen[0] = text;
            return base;
        };
        EventDecoder d = new EventDecoder(FACTORY, FieldMapping.defaults(), EventNames.defaults(), prefilter, capture);
        decode(d, "{\"level\":\"WARN\",\"message\":\"conn {} leaked\",\"arguments\":[\"c1\"]}");
        assertThat(seen[0].message()).isEqualTo("conn c1 leaked");
        decode(d, "{\"level\":\"WARN\",\"message\":\"pool {} is full\"}");
        assertThat(seen[0].message()).isEqualTo("pool {} is full");
        // library dialects read the message itself, of any length
        String timeout = "HikariPool-1 - Connection is not available, request timed out after 30000ms "
                + "(total=10, active=10, idle=0, waiting=3)";
        decode(d, "{\"level\":\"DEBUG\",\"loggerName\":\"com.zaxxer.hikari.pool.HikariPool\",\"message\":\""
                + timeout + "\"}");
        assertThat(seen[0].message()).isEqualTo(timeout);
    }

    // --- the reasons of rejected lines ---

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void rejectedLinesSayWhy(boolean prefilter) {
        assertThatThrownBy(() -> decode(prefilter, "")).hasMessage("blank line");
        assertThatThrownBy(() -> decode(prefilter, "[1]")).hasMessage("not a JSON object");
        assertThatThrownBy(() -> decode(prefilter, "{\"a\":1} {}")).hasMessage("trailing content after the JSON object");
        // jackson's reason, on one line and cut at 120 characters
        assertThatThrownBy(() -> decode(prefilter, "{\"a\":1")).hasMessageStartingWith("Unexpected end-of-input")
                .hasMessageEndingWith("…").satisfies(e -> assertThat(e.getMessage()).hasSize(121));
        assertThatThrownBy(() -> decode(prefilter, "{\"a\" 1}")).hasMessageStartingWith("Unexpected character ('1'");
    }

    @org.junit.jupiter.api.Test
    void reasonsAreOneLineOfAt120Characters() {
        assertThat(EventDecoder.shorten(null)).isEqualTo("unreadable JSON");
        assertThat(EventDecoder.shorten(" Unexpected\n  end\tof input ")).isEqualTo("Unexpected end of input");
        String exactly = "r".repeat(120);
        assertThat(EventDecoder.shorten(exactly)).isEqualTo(exactly);
        assertThat(EventDecoder.shorten(exactly + "s")).isEqualTo(exactly + "…");
    }
}
