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
}
