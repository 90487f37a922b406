package dev.poolscope.event;

import static dev.poolscope.event.Decoding.micros;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The rules of docs/log-format.md, "Time", at their edges, and which reader reads each form: the hand-written
 * ISO readers ({@code parseIso} on text, {@code parseIsoUtc} on bytes) must take every common form themselves,
 * java.time only the unusual ones. Expected values come from {@link java.time.Instant#parse}.
 */
class TimestampRulesTest {

    // --- the ISO fast path reads each field's whole range itself ---

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "2026-01-01T00:00:00Z             | 2026-01-01T00:00:00Z",
        "2026-12-31T23:59:59Z             | 2026-12-31T23:59:59Z",
        "2019-09-29T19:59:09Z             | 2019-09-29T19:59:09Z",
        "0000-01-01T00:00:00Z             | 0000-01-01T00:00:00Z",
        "0000-03-01T00:00:00Z             | 0000-03-01T00:00:00Z",
        "9999-12-31T23:59:59.999999Z      | 9999-12-31T23:59:59.999999Z",
        "2026-01-06T10:15:23z             | 2026-01-06T10:15:23Z",
        "2026-01-06t10:15:23              | 2026-01-06T10:15:23Z",
        "2026-01-06 10:15:23,5            | 2026-01-06T10:15:23.500Z",
        "2026-01-06T10:15:23.1234569Z     | 2026-01-06T10:15:23.123456Z",
        "2026-01-06T10:45:23+00:30        | 2026-01-06T10:15:23Z",
        "2026-01-06T09:45:23-00:30        | 2026-01-06T10:15:23Z",
        "2026-01-06T11:15:23+01:00        | 2026-01-06T10:15:23Z",
        "2026-01-06T11:15:23+0100         | 2026-01-06T10:15:23Z",
        "2026-01-06T11:15:23+01           | 2026-01-06T10:15:23Z",
        "2026-01-06T00:15:23+23:59        | 2026-01-05T00:16:23Z",
        "2026-01-06T10:15:23.5-01         | 2026-01-06T11:15:23.500Z"})
    void theIsoReaderTakesTheCommonFormsItself(String text, String expected) {
        assertThat(Timestamps.parseIso(text)).isEqualTo(micros(expected));
        assertThat(Timestamps.parse(text)).isEqualTo(micros(expected));
    }

    @Test
    void secondSixtyIsALeapSecondReadAsTheNextMinute() {
        // java.time refuses second 60; the ISO readers take it (Timestamps.inRange)
        assertThat(Timestamps.parseIso("2026-12-31T23:59:60Z")).isEqualTo(micros("2027-01-01T00:00:00Z"));
        assertThat(Timestamps.parse("2026-12-31T23:59:60.5Z")).isEqualTo(micros("2027-01-01T00:00:00.500Z"));
        assertThat(utcBytes("2026-12-31T23:59:60Z")).isEqualTo(micros("2027-01-01T00:00:00Z"));
        assertThat(Timestamps.parse("2026-12-31T23:59:61Z")).isEqualTo(PoolEvent.NO_TIME);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-00-06T10:15:23Z", "2026-13-06T10:15:23Z", "2026-01-00T10:15:23Z",
        "2026-01-32T10:15:23Z", "2026-01-06T24:15:23Z", "2026-01-06T10:60:23Z", "2026-01-06T10:15:61Z",
        "2x26-01-06T10:15:23Z", "2026-0x-06T10:15:23Z", "2026-01-06T10:15:2xZ", "2026-01-06T10:15:23ZZ",
        "2026-01-06T10:15:23+0x:00", "2026-01-06T10:15:23+01:0x", "2026-01-06T10:15:23+01x00",
        "2026-01-06T10:15:23+01:000", "2026-01-06T10:15:23 +01:00", "2026-01-06T10:15:23.5x",
        "2026-01-06T10:15:23/01:00", "2026-01-06T10-15:23Z", "2026-01-06T10:15-23Z"})
    void outOfRangeOrMisshapenFieldsAreNoTime(String text) {
        assertThat(Timestamps.parseIso(text)).as("ISO reader").isEqualTo(PoolEvent.NO_TIME);
        assertThat(Timestamps.parse(text)).isEqualTo(PoolEvent.NO_TIME);
    }

    // --- what only java.time reads ("anything unusual falls back to java.time") ---

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "2026-01-06T10:15+01:00           | 2026-01-06T09:15:00Z",
        "2026-01-06T10:15:23+01:00:30     | 2026-01-06T09:14:53Z",
        "2026-01-06T10:15:23.Z            | 2026-01-06T10:15:23Z",
        "2026-01-06T10:15:23.             | 2026-01-06T10:15:23Z",
        "2026-01-06 10:15:23.             | 2026-01-06T10:15:23Z",
        "2026-01-06T10:15:23.5+01:00:30   | 2026-01-06T09:14:53.500Z"})
    void formsOnlyJavaTimeReads(String text, String expected) {
        assertThat(Timestamps.parseIso(text)).as("not the ISO reader's").isEqualTo(PoolEvent.NO_TIME);
        assertThat(Timestamps.parse(text)).isEqualTo(micros(expected));
    }

    // --- the byte reader of the common UTC form ---

    private static long utcBytes(String text) {
        byte[] b = ("{\"" + text + "\"}").getBytes(StandardCharsets.US_ASCII);
        return Timestamps.parseIsoUtc(b, 2, text.length());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "2026-01-06T10:15:23Z             | 2026-01-06T10:15:23Z",
        "2026-01-06T10:15:00z             | 2026-01-06T10:15:00Z",
        "2019-09-29 19:59:59Z             | 2019-09-29T19:59:59Z",
        "2026-12-31t23:59:09.9Z           | 2026-12-31T23:59:09.900Z",
        "2026-01-06T10:15:23,123456Z      | 2026-01-06T10:15:23.123456Z",
        "2026-01-06T10:15:23.0123456789Z  | 2026-01-06T10:15:23.012345Z"})
    void theByteReaderTakesTheUtcFormItself(String text, String expected) {
        assertThat(utcBytes(text)).isEqualTo(micros(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-01-06T10:15:23", "2026-01-06T10:15:2Z", "2026-01-06T10:15:23.Z",
        "2026-01-06T10:15:23.5xZ", "2026-01-06T10:15:23x5Z", "2026-01-06T10:15:61Z", "2026-01-06T10:15:-1Z",
        "2026-01-06T10:15:/9Z", "2026-01-06T10:15:2:Z", "2026-01-06T10:15-23Z", "2026-01-06T10:15:23+00:00",
        "2026-01-06T10-15:23Z", "2026-01-06T24:15:23Z", "2026+01-06T10:15:23Z", "2026-01+06T10:15:23Z",
        "2026-01-06X10:15:23Z", "2026-01-06T10:15:23.5Z "})
    void theByteReaderLeavesEveryOtherFormToTheTextReader(String text) {
        assertThat(utcBytes(text)).isEqualTo(PoolEvent.NO_TIME);
    }

    @Test
    void secondsAndFractionWithinTheMinute() {
        byte[] b = "2026-01-06T10:15:07.25Z".getBytes(StandardCharsets.US_ASCII);
        assertThat(Timestamps.microsIntoMinute(b, 0, b.length)).isEqualTo(7_250_000L);
        byte[] whole = "2026-01-06T10:15:59Z".getBytes(StandardCharsets.US_ASCII);
        assertThat(Timestamps.microsIntoMinute(whole, 0, whole.length)).isEqualTo(59_000_000L);
        byte[] zero = "2026-01-06T10:15:00Z".getBytes(StandardCharsets.US_ASCII);
        assertThat(Timestamps.microsIntoMinute(zero, 0, zero.length)).isZero();
        byte[] leap = "2026-01-06T10:15:60Z".getBytes(StandardCharsets.US_ASCII);
        assertThat(Timestamps.microsIntoMinute(leap, 0, leap.length)).isEqualTo(60_000_000L);
        byte[] short19 = "2026-01-06T10:15:0Z".getBytes(StandardCharsets.US_ASCII);
        assertThat(Timestamps.microsIntoMinute(short19, 0, short19.length)).isEqualTo(-1);
    }

    // --- epoch numbers: the magnitude tells the unit (log-format.md) ---

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        // 1e8 seconds after the epoch, written in each unit at the bounds between units
        "100000000                        | 1973-03-03T09:46:40Z",
        "100000000000                     | 1973-03-03T09:46:40Z",
        "100000000000000                  | 1973-03-03T09:46:40Z",
        "100000000000000000               | 1973-03-03T09:46:40Z",
        "1e11                             | 1973-03-03T09:46:40Z",
        "1e14                             | 1973-03-03T09:46:40Z",
        "1e17                             | 1973-03-03T09:46:40Z",
        "100000000000.0                   | 1973-03-03T09:46:40Z",
        // one below each bound is still the smaller unit
        "99999999999                      | 5138-11-16T09:46:39Z",
        "99999999999999                   | 5138-11-16T09:46:39.999Z",
        "99999999999999999                | 5138-11-16T09:46:39.999999Z",
        "9.9999999999e10                  | 5138-11-16T09:46:39Z",
        "999999999                        | 2001-09-09T01:46:39Z",
        "0.0                              | 1970-01-01T00:00:00Z",
        "0.5                              | 1970-01-01T00:00:00.500Z",
        // nanoseconds in exponent form are read as a double
        "1.767694523123456e18             | 2026-01-06T10:15:23.123456Z"})
    void epochNumbersAtTheBoundsBetweenUnits(String text, String expected) {
        assertThat(Timestamps.parse(text)).isEqualTo(micros(expected));
    }

    @Test
    void integerNanosecondsAreCutToTheMicrosecondNotRounded() {
        // "extra digits are cut, not rounded": .123456990 is .123456, though a double would round it up
        assertThat(Timestamps.parse("1767694523123456990")).isEqualTo(micros("2026-01-06T10:15:23.123456Z"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"+1767694523", ".5", "-1767694523", "-", "Infinity", "-Infinity"})
    void anEpochNumberStartsWithADigit(String text) {
        assertThat(Timestamps.parse(text)).isEqualTo(PoolEvent.NO_TIME);
    }

    @Test
    void negativeOrNotFiniteEpochNumbersAreNoTime() {
        assertThat(Timestamps.fromEpochNumber(-1L)).isEqualTo(PoolEvent.NO_TIME);
        assertThat(Timestamps.fromEpochNumber(0L)).isZero();
        assertThat(Timestamps.fromEpochNumber(-0.5)).isEqualTo(PoolEvent.NO_TIME);
        assertThat(Timestamps.fromEpochNumber(Double.NaN)).isEqualTo(PoolEvent.NO_TIME);
        assertThat(Timestamps.fromEpochNumber(Double.POSITIVE_INFINITY)).isEqualTo(PoolEvent.NO_TIME);
    }

    // --- logback JsonEncoder's nanoseconds refine a time only when their milliseconds agree ---

    @Test
    void nanosecondsRefineATimeWhoseMillisecondsAgree() {
        long t = micros("2026-01-06T10:15:23.123Z");
        assertThat(Timestamps.withNanos(t, "123456789")).isEqualTo(micros("2026-01-06T10:15:23.123456Z"));
        assertThat(Timestamps.withNanos(t, "124456789")).as("another millisecond").isEqualTo(t);
        long finer = micros("2026-01-06T10:15:23.123400Z");
        assertThat(Timestamps.withNanos(finer, "123456789")).as("already finer than a millisecond").isEqualTo(finer);
        assertThat(Timestamps.withNanos(t, "1234567890")).as("ten digits").isEqualTo(t);
        assertThat(Timestamps.withNanos(t, "12345678x")).isEqualTo(t);
        assertThat(Timestamps.withNanos(t, null)).isEqualTo(t);
        assertThat(Timestamps.withNanos(PoolEvent.NO_TIME, "123456789")).isEqualTo(PoolEvent.NO_TIME);
        long whole = micros("2026-01-06T10:15:23Z");
        assertThat(Timestamps.withNanos(whole, "999")).isEqualTo(whole);
        assertThat(Timestamps.withNanos(whole, "999999")).isEqualTo(whole + 999);
    }

    // --- the zone designator counted in timestamps.zones (robustness.md) ---

    @Test
    void theZoneIsWrittenAsInTheLine() {
        // "Z", the zone of nearly every line, is the constant itself: nothing is allocated for it
        assertThat(Timestamps.zoneOf("2026-01-06T10:15:23.123456Z")).isSameAs("Z");
        assertThat(Timestamps.zoneOf("2026-01-06T10:15:23z")).isEqualTo("Z");
        assertThat(Timestamps.zoneOf("2026-01-06T11:15:23+01:00")).isEqualTo("+01:00");
        assertThat(Timestamps.zoneOf("2026-01-06T11:15:23,5+0100")).isEqualTo("+0100");
        assertThat(Timestamps.zoneOf("2026-01-06T10:15:23ZZ")).isEqualTo("ZZ");
        assertThat(Timestamps.zoneOf("2026-01-06T10:15:23 UTC")).isEqualTo("UTC");
        assertThat(Timestamps.zoneOf("2026-01-06T10:15:23")).isNull();
        assertThat(Timestamps.zoneOf("2026-01-06T10:15:23.123456")).isNull();
        assertThat(Timestamps.zoneOf("1767694523")).isEqualTo("epoch");
        assertThat(Timestamps.zoneOf("1767694523123456789")).isEqualTo("epoch");
        assertThat(Timestamps.zoneOf("2026-01-06T10:15")).isEqualTo("epoch");
    }
}
