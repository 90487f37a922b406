package dev.poolscope.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Which lines the pre-filter proves plain. docs/performance.md: it "checks the whole line against a strict
 * subset of the JSON grammar jackson accepts (... nesting ≤ 32, nothing after the object)"; whenever it
 * cannot prove a line plain "it returns "don't know" and jackson decodes the line as before". The result is
 * the same either way (PrefilterEquivalenceTest); this pins the speed contract: nested values of plain
 * lines stay on the fast path, and what is not plain is handed on.
 */
class PrefilterFastPathTest {
    private final LinePrefilter prefilter = new LinePrefilter(FieldMapping.defaults(), EventNames.defaults());
    private String[] values;

    private boolean scan(String line) {
        byte[] b = line.getBytes(StandardCharsets.UTF_8);
        values = new String[Field.values().length];
        return prefilter.scan(b, 0, b.length, values);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"event\":\"pool.getconn.success\",\"extra\":{},\"request_id\":\"r1\"}",
        "{\"event\":\"pool.getconn.success\",\"extra\":[],\"request_id\":\"r1\"}",
        "{\"event\":\"pool.getconn.success\",\"extra\":{\"a\":[1,-2.5e3,{\"b\":null}],\"c\":true},\"request_id\":\"r1\"}",
        "{\"event\":\"pool.getconn.success\", \"extra\" : [ { \"a\" : false } , \"x\" ] ,\"request_id\":\"r1\"}",
        "{\"event\":\"pool.getconn.success\",\"extra\":[[[[\"deep\"]]]],\"request_id\":\"r1\"}"})
    void plainLinesWithNestedValuesTakeTheFastPathAndKeepTheTopLevelFields(String line) {
        assertThat(scan(line)).isTrue();
        assertThat(values[Field.EVENT.ordinal()]).isEqualTo("pool.getconn.success");
        assertThat(values[Field.REQUEST_ID.ordinal()]).isEqualTo("r1");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"event\":\"x\",\"extra\":{\"a\" 1}}",          // no colon
        "{\"event\":\"x\",\"extra\":{1:2}}",              // a key that is not a string
        "{\"event\":\"x\",\"extra\":[1 2]}",              // no comma
        "{\"event\":\"x\",\"extra\":[1,2}",               // wrong closing bracket
        "{\"event\":\"x\",\"extra\":{\"a\":1]}",          // wrong closing brace
        "{\"event\":\"x\",\"extra\":[1,2",                // cut inside the array
        "{\"event\":\"x\",\"extra\":{\"a\":",             // cut after the colon
        "{\"event\":\"x\",\"extra\":{\"a\"",              // cut after the key
        "{\"event\":\"x\",\"extra\":{",                   // cut after the brace
        "{\"event\":\"x\"} {}"})                          // something after the object
    void linesThatAreNotPlainJsonAreHandedToJackson(String line) {
        assertThat(scan(line)).isFalse();
    }

    @Test
    void nestingUpToTheLimitIsPlainOneLevelDeeperIsHandedOn() {
        // "nesting ≤ 32" counts the line's own object: 31 arrays inside it make 32 levels, 32 make 33
        assertThat(scan("{\"event\":\"x\",\"extra\":" + "[".repeat(31) + "]".repeat(31) + "}")).isTrue();
        assertThat(scan("{\"event\":\"x\",\"extra\":" + "[".repeat(32) + "]".repeat(32) + "}")).isFalse();
    }

    @Test
    void emptyObjectsAndSpacesAroundThemArePlain() {
        assertThat(scan("{}")).isTrue();
        assertThat(scan(" \t{ } \t")).isTrue();
        assertThat(scan("{}x")).isFalse();
        assertThat(scan("{} {}")).isFalse();
        assertThat(scan("{\"event\":\"x\"}  ")).isTrue();
    }

    @Test
    void linesUpToTheLineLimitAreScanned() {
        String head = "{\"event\":\"x\",\"pad\":\"";
        String exactly = head + "a".repeat(LinePrefilter.MAX_LINE - head.length() - 2) + "\"}";
        assertThat(exactly).hasSize(LinePrefilter.MAX_LINE);
        assertThat(scan(exactly)).isTrue();
        assertThat(scan(head + "a".repeat(LinePrefilter.MAX_LINE - head.length() - 1) + "\"}")).isFalse();
    }

    @Test
    void nestedNumbersStartingWithEachDigitArePlain() {
        assertThat(scan("{\"event\":\"x\",\"extra\":[0,9,-1,0.5,9e3]}")).isTrue();
        assertThat(scan("{\"event\":\"x\",\"extra\":{\"a\":0,\"b\":9}}")).isTrue();
        assertThat(scan("{\"event\":\"x\",\"extra\":[/1]}")).isFalse();
        assertThat(scan("{\"event\":\"x\",\"extra\":[:1]}")).isFalse();
    }

    @Test
    void theInfoLevelIsOneConstantAndOtherLevelsTheirText() {
        // the level of nearly every line is handed out without hashing: the literal itself
        assertThat(scan("{\"event\":\"x\",\"level\":\"info\"}")).isTrue();
        assertThat(values[Field.LEVEL.ordinal()]).isSameAs("info");
        for (String near : new String[] {"xnfo", "ixfo", "inxo", "infx", "inf", "infos", "INFO"}) {
            assertThat(scan("{\"event\":\"x\",\"level\":\"" + near + "\"}")).isTrue();
            assertThat(values[Field.LEVEL.ordinal()]).isEqualTo(near).isNotSameAs("info");
        }
        // "info" as another field's value is that field's own text
        assertThat(scan("{\"event\":\"info\"}")).isTrue();
        assertThat(values[Field.EVENT.ordinal()]).isEqualTo("info").isNotSameAs("info");
    }

    @Test
    void theUtcTimestampIsReadFromBytesOnlyForTheTimeField() {
        assertThat(scan("{\"event\":\"x\",\"timestamp\":\"2026-01-06T10:15:23.5Z\","
                + "\"request_id\":\"2026-01-06T10:15:24Z\"}")).isTrue();
        assertThat(values[Field.TIME.ordinal()]).isSameAs(LinePrefilter.UTC_TIME);
        assertThat(prefilter.utcMicros()).isEqualTo(Decoding.micros("2026-01-06T10:15:23.500Z"));
        assertThat(values[Field.REQUEST_ID.ordinal()]).isEqualTo("2026-01-06T10:15:24Z");
        assertThat(scan("{\"timestamp\":\"2026-01-06T11:15:23+01:00\"}")).isTrue();
        assertThat(values[Field.TIME.ordinal()]).isEqualTo("2026-01-06T11:15:23+01:00");
    }

    @Test
    void aRepeatedValueIsOneStringAcrossLines() {
        // "one String per value saves the analysis hashing it again" (LinePrefilter's caches)
        String[] keys = {"event", "request_id", "conn_id", "pid", "path", "method", "hostname", "pgcode", "level"};
        for (String key : keys) {
            assertThat(scan("{\"" + key + "\":\"v-1\"}")).isTrue();
            int field = FieldMapping.defaults().slot(key).field().ordinal();
            String first = values[field];
            assertThat(scan("{\"" + key + "\":\"v-1\",\"other\":1}")).isTrue();
            assertThat(values[field]).as(key).isEqualTo("v-1").isSameAs(first);
        }
        assertThat(scan("{\"pool_used\":12}")).isTrue();
        String twelve = values[Field.POOL_USED.ordinal()];
        assertThat(scan("{\"pool_used\":12}")).isTrue();
        assertThat(values[Field.POOL_USED.ordinal()]).isEqualTo("12").isSameAs(twelve);
    }

    @Test
    void aSevereLineCarriesTheSignalOfItsFirstValueHoldingOne() {
        assertThat(scan("{\"level\":\"error\",\"a\":\"server closed the connection unexpectedly\","
                + "\"b\":\"relation t does not exist\"}")).isTrue();
        assertThat(prefilter.signal().kind()).isEqualTo(Signal.Kind.STALE_CONNECTION);
        assertThat(scan("{\"level\":\"info\",\"a\":\"server closed the connection unexpectedly\"}")).isTrue();
        assertThat(prefilter.signal()).as("a quiet line is not searched").isNull();
        assertThat(scan("{\"level\":\"warning\",\"a\":[\"x\",{\"b\":\"no such table\"}],\"c\":1}")).isTrue();
        assertThat(prefilter.signal().needle()).as("nested values too").isEqualTo("no such table");
    }
}
