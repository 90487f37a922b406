package dev.poolscope.event;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * logback JsonEncoder's nested members on the library path (docs/log-format.md: {@code mdc}, {@code kvpList},
 * {@code arguments}, {@code throwable}): mapped keys inside them read as top-level keys, and every string in
 * them searched for the timeout and exhaustion texts, as in any nested value (docs/findings.md). Each line is
 * read with and without the pre-filter.
 */
class NestedValuesTest {
    private static final JsonFactory FACTORY = new JsonFactory();
    private static final String TIMEOUT = "canceling statement due to statement timeout";

    private final LineText[] seen = new LineText[1];

    private EventDecoder decoder(boolean prefilter) {
        LineRecognizer capture = (base, text) -> {
            seen[0] = text;
            return base;
        };
        return new EventDecoder(FACTORY, FieldMapping.defaults(), EventNames.defaults(), prefilter, capture);
    }

    private static PoolEvent decode(EventDecoder d, String json) throws MalformedLineException {
        byte[] b = json.getBytes(StandardCharsets.UTF_8);
        return d.decode(b, 0, b.length, "f", 1);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"message\":\"q\",\"mdc\":{\"error\":\"" + TIMEOUT + "\"}}",
        "{\"message\":\"q\",\"mdc\":{\"ctx\":{\"deep\":[\"" + TIMEOUT + "\"]}}}",
        "{\"message\":\"q\",\"kvpList\":[{\"error\":\"" + TIMEOUT + "\"}]}",
        "{\"message\":\"q\",\"kvpList\":[\"" + TIMEOUT + "\"]}",
        "{\"message\":\"q\",\"kvpList\":[[\"" + TIMEOUT + "\"]]}",
        "{\"message\":\"q {}\",\"arguments\":[\"" + TIMEOUT + "\"]}",
        "{\"message\":\"q {}\",\"arguments\":[{\"a\":\"" + TIMEOUT + "\"}]}",
        "{\"message\":\"q\",\"throwable\":{\"className\":\"E\",\"message\":\"" + TIMEOUT + "\",\"stepArray\":[]}}",
        "{\"message\":\"q\",\"throwable\":{\"className\":\"E\",\"cause\":\"" + TIMEOUT + "\"}}",
        "{\"message\":\"q\",\"throwable\":{\"className\":\"E\",\"suppressed\":[{\"message\":\"" + TIMEOUT + "\"}]}}",
        "{\"message\":\"q\",\"throwable\":{\"className\":\"E\",\"extra\":\"" + TIMEOUT + "\"}}",
        "{\"message\":\"q\",\"throwable\":{\"className\":[\"" + TIMEOUT + "\"]}}",
        "{\"message\":\"q\",\"throwable\":{\"stepArray\":[\"" + TIMEOUT + "\"]}}",
        "{\"message\":\"q\",\"throwable\":{\"stepArray\":[{\"className\":\"" + TIMEOUT + "\"}]}}",
        "{\"message\":\"q\",\"throwable\":{\"stepArray\":[{\"fileName\":{\"x\":\"" + TIMEOUT + "\"}}]}}"})
    void textsAnywhereInTheNestedMembersAreFound(String line) throws Exception {
        for (boolean prefilter : new boolean[] {true, false}) {
            assertThat(decode(decoder(prefilter), line).statementTimeout()).as(line).isTrue();
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void mdcMembersReadAsTopLevelKeysNestedOnesDoNot(boolean prefilter) throws Exception {
        PoolEvent e = decode(decoder(prefilter), "{\"message\":\"q\",\"mdc\":{\"ctx\":{\"request_id\":\"inner\"},"
                + "\"pool_used\":5,\"pool_max\":7.0,\"flag\":true,\"request_id\":\"r-1\",\"conn_id\":null}}");
        assertThat(e.requestId()).isEqualTo("r-1");
        assertThat(e.poolUsed()).isEqualTo(5);
        assertThat(e.poolMax()).isEqualTo(7);
        assertThat(e.connId()).isNull();
        PoolEvent pairs = decode(decoder(prefilter), "{\"message\":\"q\",\"kvpList\":[1,{\"request_id\":\"r-2\"},"
                + "[{\"conn_id\":\"no\"}],{\"conn_id\":\"c-2\"}]}");
        assertThat(pairs.requestId()).isEqualTo("r-2");
        assertThat(pairs.connId()).isEqualTo("c-2");
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void argumentsFillTheTemplateOneLineAtATime(boolean prefilter) throws Exception {
        EventDecoder d = decoder(prefilter);
        decode(d, "{\"message\":\"conn {} on {}\",\"arguments\":[\"c1\",7]}");
        assertThat(seen[0].message()).isEqualTo("conn c1 on 7");
        decode(d, "{\"message\":\"conn {} on {}\",\"arguments\":[\"c2\",{\"x\":1},\"t\"]}");
        assertThat(seen[0].message()).as("an object argument prints as null, as SLF4J prints a null")
                .isEqualTo("conn c2 on null");
        decode(d, "{\"message\":\"conn {}\",\"arguments\":[null]}");
        assertThat(seen[0].message()).isEqualTo("conn null");
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void aThrowableWithOddMembersPrintsWhatItCan(boolean prefilter) throws Exception {
        decode(decoder(prefilter), "{\"message\":\"q\",\"throwable\":{\"className\":{\"a\":1},\"message\":[\"m\"],"
                + "\"cause\":[1,2],\"commonFramesCount\":0,\"stepArray\":{\"x\":1}}}");
        assertThat(seen[0].stack()).isEqualTo("\n");
        decode(decoder(prefilter), "{\"message\":\"q\",\"throwable\":{\"className\":\"a.E\",\"cause\":\"a.F: text\"}}");
        assertThat(seen[0].stack()).as("a cause that is not an object is not followed").isEqualTo("a.E\n");
    }
}
