package dev.poolscope.event;

import static dev.poolscope.event.Decoding.micros;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Expected values come from {@link java.time.Instant#parse}, not from the parser under test. */
class TimestampsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "2026-01-06T10:15:23.123456Z      | 2026-01-06T10:15:23.123456Z",
        "2026-01-06T10:15:23Z             | 2026-01-06T10:15:23Z",
        "2026-01-06T10:15:23.123Z         | 2026-01-06T10:15:23.123Z",
        "2026-01-06T10:15:23.1Z           | 2026-01-06T10:15:23.100Z",
        "2026-01-06T10:15:23.123456789Z   | 2026-01-06T10:15:23.123456Z",
        "2026-01-06t10:15:23.5z           | 2026-01-06T10:15:23.500Z",
        "2026-01-06T11:15:23.123456+01:00 | 2026-01-06T10:15:23.123456Z",
        "2026-01-06T05:15:23.123456-05:00 | 2026-01-06T10:15:23.123456Z",
        "2026-01-06T15:45:23+05:30        | 2026-01-06T10:15:23Z",
        "2026-01-06T11:15:23.123+0100     | 2026-01-06T10:15:23.123Z",
        "2026-01-06T11:15:23+01           | 2026-01-06T10:15:23Z",
        "2026-01-06T10:15:23+00:00        | 2026-01-06T10:15:23Z",
        "2026-01-06T00:15:23-10:00        | 2026-01-06T10:15:23Z",
        "2026-01-01T00:30:00+01:00        | 2025-12-31T23:30:00Z",
        "2026-01-06T10:15:23.123456       | 2026-01-06T10:15:23.123456Z",
        "2026-01-06T10:15:23              | 2026-01-06T10:15:23Z",
        "2026-01-06 10:15:23.123456       | 2026-01-06T10:15:23.123456Z",
        "2026-01-06 10:15:23.123456Z      | 2026-01-06T10:15:23.123456Z",
        "2026-01-06 10:15:23,123          | 2026-01-06T10:15:23.123Z",
        "2026-01-06T10:15:23,123456Z      | 2026-01-06T10:15:23.123456Z",
        "2024-02-29T23:59:59.999999Z      | 2024-02-29T23:59:59.999999Z",
        "1999-12-31T23:59:59Z             | 1999-12-31T23:59:59Z",
        "1970-01-01T00:00:00Z             | 1970-01-01T00:00:00Z"})
    void isoAndPythonForms(String text, String expected) {
        assertThat(Timestamps.parse(text)).isEqualTo(micros(expected));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "1767694523          | 2026-01-06T10:15:23Z",
        "1767694523.5        | 2026-01-06T10:15:23.500Z",
        "1767694523.123456   | 2026-01-06T10:15:23.123456Z",
        "1767694523123       | 2026-01-06T10:15:23.123Z",
        "1767694523123.456   | 2026-01-06T10:15:23.123456Z",
        "1767694523123456    | 2026-01-06T10:15:23.123456Z",
        "1767694523123456789 | 2026-01-06T10:15:23.123456Z",
        "1767694523000000000 | 2026-01-06T10:15:23Z",
        "0                   | 1970-01-01T00:00:00Z"})
    void epochNumbersInEveryUnit(String text, String expected) {
        assertThat(Timestamps.parse(text)).isEqualTo(micros(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "yesterday", "2026-13-01T00:00:00Z", "2026-01-06T25:00:00Z", "2026-01-06T10:61:00Z",
        "2026-01-06X10:15:23Z", "2026-01-06T10:15:23+1", "2026-01-06T10:15:23 UTC",
        "2026/01/06 10:15:23", "12:34:56", "-5", "NaN", "1e400", "0x1234", "17676945x3"})
    void garbageIsNoTime(String text) {
        assertThat(Timestamps.parse(text)).isEqualTo(PoolEvent.NO_TIME);
    }

    @Test
    void nullIsNoTime() {
        assertThat(Timestamps.parse(null)).isEqualTo(PoolEvent.NO_TIME);
    }
}
