package dev.poolscope.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The byte path for ISO UTC timestamps reads what the String path reads, or declines. */
class TimestampBytesTest {
    private static final String[] FRACTIONS = {"", ".", ".1", ".123", ".123456", ".1234567", ",5", ".12a"};
    private static final String[] ZONES = {"Z", "z", "", "+00:00", "+02:00", " Z", "ZZ"};
    private static final char[] SEPARATORS = {'T', 't', ' ', '_'};

    @Test
    void acceptedTimesEqualTheStringPathAndCommonOnesAreAccepted() {
        Random random = new Random(11);
        int accepted = 0;
        for (int round = 0; round < 50_000; round++) {
            String text = String.format("%04d-%02d-%02d%c%02d:%02d:%02d%s%s", 1990 + random.nextInt(60),
                    random.nextInt(14), random.nextInt(33), SEPARATORS[random.nextInt(SEPARATORS.length)],
                    random.nextInt(25), random.nextInt(61), random.nextInt(62), FRACTIONS[random.nextInt(FRACTIONS.length)],
                    ZONES[random.nextInt(ZONES.length)]);
            if (random.nextInt(10) == 0) {
                char[] c = text.toCharArray();
                c[random.nextInt(c.length)] = "0:-xZ.".charAt(random.nextInt(6));
                text = new String(c);
            }
            byte[] b = ("\"" + text + "\"").getBytes(StandardCharsets.US_ASCII);
            long fast = Timestamps.parseIsoUtc(b, 1, b.length - 2);
            if (fast != PoolEvent.NO_TIME) {
                accepted++;
                assertThat(fast).as(text).isEqualTo(Timestamps.parse(text));
                assertThat(Timestamps.zoneOf(text)).as(text).isEqualTo("Z");
            }
        }
        assertThat(accepted).isGreaterThan(2_000);
        byte[] common = "2026-11-27T15:15:47.788097Z".getBytes(StandardCharsets.US_ASCII);
        assertThat(Timestamps.parseIsoUtc(common, 0, common.length))
                .isEqualTo(Timestamps.parse("2026-11-27T15:15:47.788097Z"));
    }

    @Test
    void theDecoderNotesTheSameZonesEitherWay() throws Exception {
        String[] lines = {
            "{\"event\": \"a\", \"timestamp\": \"2026-11-27T15:15:47.788097Z\"}",
            "{\"event\": \"a\", \"timestamp\": \"2026-11-27T15:15:47+02:00\"}",
            "{\"event\": \"a\", \"timestamp\": \"2026-11-27 15:15:47\"}",
            "{\"event\": \"a\", \"timestamp\": \"yesterday\"}",
            "{\"event\": \"a\", \"time\": \"2026-11-27T15:15:48Z\", \"timestamp\": \"2026-11-27T15:15:47.5z\"}",
            "{\"event\": \"a\", \"timestamp\": \"2026-11-27T15:15:47.5z\", \"time\": \"2026-11-27T15:15:48+01:00\"}",
        };
        EventDecoder fast = new EventDecoder(com.fasterxml.jackson.core.JsonFactory.builder().build(),
                FieldMapping.defaults(), EventNames.defaults(), true);
        EventDecoder reference = new EventDecoder(com.fasterxml.jackson.core.JsonFactory.builder().build(),
                FieldMapping.defaults(), EventNames.defaults(), false);
        for (String line : lines) {
            byte[] b = line.getBytes(StandardCharsets.UTF_8);
            assertThat(fast.decode(b, 0, b.length, "f", 1).time()).as(line)
                    .isEqualTo(reference.decode(b, 0, b.length, "f", 1).time());
        }
        assertThat(fast.timestamps()).isEqualTo(reference.timestamps());
        assertThat(fast.timestamps().zones()).containsEntry("Z", 3L);
    }

    /**
     * Remembering the minute changes no answer: times from a few minutes, so that most share the last
     * one's first 16 bytes, with their seconds, fraction or zone often broken, read as the full byte path
     * and the String path read them.
     */
    @Test
    void theRememberedMinuteChangesNoAnswer() {
        Random random = new Random(12);
        String[] minutes = {"2026-11-27T15:15", "2026-11-27T15:16", "2026-02-29T23:59", "2026-13-01T00:00",
            "1999-12-31 23:59", "2026-11-27T15:1x"};
        UtcMinutes reader = new UtcMinutes();
        int accepted = 0;
        for (int round = 0; round < 50_000; round++) {
            String text = minutes[random.nextInt(random.nextInt(10) == 0 ? minutes.length : 2)]
                    + String.format(":%02d", random.nextInt(62)) + FRACTIONS[random.nextInt(FRACTIONS.length)]
                    + ZONES[random.nextInt(ZONES.length)];
            if (random.nextInt(8) == 0) {
                char[] c = text.toCharArray();
                c[16 + random.nextInt(c.length - 16)] = "0:-xZ.".charAt(random.nextInt(6));
                text = new String(c);
            }
            byte[] b = ("\"" + text + "\"").getBytes(StandardCharsets.US_ASCII);
            long remembered = reader.parse(b, 1, b.length - 2);
            assertThat(remembered).as(text).isEqualTo(Timestamps.parseIsoUtc(b, 1, b.length - 2));
            if (remembered != PoolEvent.NO_TIME) {
                accepted++;
                assertThat(remembered).as(text).isEqualTo(Timestamps.parse(text));
            }
        }
        assertThat(accepted).isGreaterThan(5_000);
    }
}
