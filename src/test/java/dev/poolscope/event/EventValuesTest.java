package dev.poolscope.event;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.helpers.MessageFormatter;

/** The decoder's small value types and helpers, each against the rule it implements. */
class EventValuesTest {

    // --- timestamps.zones, without_zone and unreadable (docs/robustness.md, report-schema.md) ---

    @Test
    void notesOfTwoDecodersAddUp() {
        TimestampNotes a = new TimestampNotes(1, 2, Map.of("Z", 10L, "+02:00", 3L));
        TimestampNotes b = new TimestampNotes(4, 5, Map.of("Z", 1L, "epoch", 7L));
        TimestampNotes sum = a.plus(b);
        assertThat(sum.unreadable()).isEqualTo(5);
        assertThat(sum.withoutZone()).isEqualTo(7);
        assertThat(sum.zones()).isEqualTo(Map.of("Z", 11L, "+02:00", 3L, "epoch", 7L));
        assertThat(sum.sortedZones().keySet()).containsExactly("+02:00", "Z", "epoch");
        assertThat(TimestampNotes.empty()).isEqualTo(new TimestampNotes(0, 0, Map.of()));
        assertThat(a.plus(TimestampNotes.empty())).isEqualTo(a);
    }

    @Test
    void theDecoderCountsUnreadableTimesAndTimesWithoutAZone() throws Exception {
        EventDecoder d = new EventDecoder(new JsonFactory(), FieldMapping.defaults(), EventNames.defaults());
        String[] lines = {"{\"timestamp\":\"yesterday\"}", "{\"timestamp\":\"later\"}",
            "{\"timestamp\":\"2026-01-06T10:15:23\"}", "{\"timestamp\":\"2026-01-06T10:15:23+01:00\"}",
            "{\"timestamp\":1767694523}", "{\"event\":\"no time\"}"};
        for (String line : lines) {
            byte[] b = line.getBytes(StandardCharsets.UTF_8);
            d.decode(b, 0, b.length, "f", 1);
        }
        TimestampNotes notes = d.timestamps();
        assertThat(notes.unreadable()).isEqualTo(2);
        assertThat(notes.withoutZone()).isEqualTo(1);
        assertThat(notes.zones()).isEqualTo(Map.of("none (read as UTC)", 1L, "+01:00", 1L, "epoch", 1L));
    }

    @Test
    void beyondSixteenZonesTheRestAreOther() {
        TimestampTally tally = new TimestampTally();
        for (int m = 1; m <= 17; m++) {
            tally.note(String.format("2026-01-06T10:15:23+00:%02d", m), 1L);
        }
        tally.note("2026-01-06T10:15:23+00:01", 1L);
        tally.note("2026-01-06T10:15:23+00:18", 1L);
        Map<String, Long> zones = tally.snapshot().zones();
        assertThat(zones).hasSize(TimestampTally.MAX_ZONES + 1);
        assertThat(zones.get("+00:01")).isEqualTo(2L);
        assertThat(zones.get("+00:16")).isEqualTo(1L);
        assertThat(zones.get(TimestampTally.OTHER)).isEqualTo(2L);
    }

    // --- SLF4J templates (MessageTemplate's comment): compared with SLF4J's own formatter ---

    @Test
    void templatesFillAsSlf4jDoes() {
        String[] templates = {"\\{} then {}", "\\\\{} then {}", "a\\{}", "{}{}", "x {} y {} z {}", "no placeholder",
            "\\\\\\{} {}", "{} \\{}", "{", "}{", "\\"};
        List<String> args = List.of("A", "B");
        for (String t : templates) {
            String slf4j = MessageFormatter.basicArrayFormat(t, args.toArray());
            assertThat(MessageTemplate.fill(t, args)).as(t).isEqualTo(slf4j);
        }
        assertThat(MessageTemplate.fill("\\{} then {}", List.of("A"))).isEqualTo("{} then A");
        assertThat(MessageTemplate.fill("\\\\{}", List.of("A"))).isEqualTo("\\A");
        assertThat(MessageTemplate.fill(null, args)).isNull();
        assertThat(MessageTemplate.fill("{}", List.of())).isEqualTo("{}");
    }

    // --- library notes and events ---

    @Test
    void aLineOfNoLibraryKeepsOnlyItsThread() {
        PoolNote line = PoolNote.line("worker-1");
        assertThat(line).isEqualTo(new PoolNote(null, PoolNote.Kind.LINE, "worker-1", null, null, null, List.of(),
                PoolEvent.NO_COUNT));
        assertThat(line.fromLibrary()).isFalse();
        PoolNote hikari = PoolNote.of("hikaricp", PoolNote.Kind.STATS, "housekeeper");
        assertThat(hikari.fromLibrary()).isTrue();
        assertThat(hikari.kind()).isEqualTo(PoolNote.Kind.STATS);
        assertThat(hikari.thread()).isEqualTo("housekeeper");
        assertThat(hikari.frames()).isEmpty();
        assertThat(new PoolNote("x", PoolNote.Kind.OTHER, null, null, null, null, null, 0).frames()).isEmpty();
    }

    @Test
    void anEventWithOtherFieldsKeepsTheRest() {
        PoolEvent e = new PoolEvent(EventKind.OTHER, 5, "p", "r", "c", 1, 2, "GET /x", true, true, "f", 9, "n", "l",
                "57014", null, null);
        PoolNote note = PoolNote.of("hikaricp", PoolNote.Kind.EVENT, "t");
        PoolEvent w = e.with(EventKind.CHECKOUT, "r2", "c2", 3, 4, note);
        assertThat(w).isEqualTo(new PoolEvent(EventKind.CHECKOUT, 5, "p", "r2", "c2", 3, 4, "GET /x", true, true, "f",
                9, "n", "l", "57014", null, note));
        assertThat(e.withTimeAndEndpoint(8, "POST /y")).isEqualTo(new PoolEvent(EventKind.OTHER, 8, "p", "r", "c", 1, 2,
                "POST /y", true, true, "f", 9, "n", "l", "57014", null, null));
    }

    // --- malformed reasons (docs/robustness.md) ---

    private static String reason(String line) {
        byte[] b = ("xx" + line + "{}").getBytes(StandardCharsets.UTF_8);
        return MalformedReason.of(new JsonFactory(), b, 2, b.length - 4, "the decoder's reason");
    }

    @Test
    void reasonsSayWhatTheLineIs() {
        assertThat(reason("")).isEqualTo("blank line");
        assertThat(reason("  \t ")).isEqualTo("blank line");
        assertThat(reason("{\"a\":1} 5")).isEqualTo("more after the JSON object, and no complete record in it");
        assertThat(reason("{\"a\":1}")).as("a whole object the decoder refused").isEqualTo("the decoder's reason");
        assertThat(reason("{\"a\" 1}")).startsWith("broken JSON at byte 6: ");
        assertThat(reason(" \r{\"a\" 1}")).startsWith("broken JSON at byte 8: ");
        assertThat(reason(" x{")).isEqualTo("plain text, not JSON");
        assertThat(MalformedReason.shorten(null)).isEqualTo("unreadable JSON");
    }

    // --- field mapping (docs/log-format.md: "An option gives the field exactly one key and takes that key away
    // from any other field") ---

    @Test
    void anOverriddenKeyIsTakenFromTheFieldThatHadItByDefault() {
        FieldMapping m = FieldMapping.withOverrides(Map.of(Field.CONN_ID, List.of("pid")));
        assertThat(m.slot("pid").field()).isEqualTo(Field.CONN_ID);
        assertThat(m.slot("process").field()).isEqualTo(Field.PROCESS);
        FieldMapping back = FieldMapping.withOverrides(Map.of(Field.PROCESS, List.of("conn_id")));
        assertThat(back.slot("conn_id").field()).isEqualTo(Field.PROCESS);
        assertThat(back.slot("conn").field()).isEqualTo(Field.CONN_ID);
    }

    @Test
    void loggersAreReadOnlyWhenAskedForOrOnTheLibraryPath() {
        FieldMapping plain = FieldMapping.defaults();
        assertThat(plain.dialectFields()).isFalse();
        assertThat(plain.keys(Field.LOGGER)).isEmpty();
        assertThat(plain.slot("logger")).isNull();
        FieldMapping library = plain.withDialectFields();
        assertThat(library.dialectFields()).isTrue();
        assertThat(library.withDialectFields()).isSameAs(library);
        assertThat(library.slot("threadName").field()).isEqualTo(Field.THREAD);
        FieldMapping loggers = plain.readingLoggers();
        assertThat(loggers.keys(Field.LOGGER)).isEqualTo(Field.LOGGER_KEYS);
        assertThat(loggers.slot("logger").field()).isEqualTo(Field.LOGGER);
        assertThat(loggers.dialectFields()).isFalse();
        assertThat(loggers.slot("threadName")).isNull();
        assertThat(library.readingLoggers().dialectFields()).isTrue();
        FieldMapping own = FieldMapping.withOverrides(Map.of(Field.LOGGER, List.of("lg")));
        assertThat(own.readingLoggers()).isSameAs(own);
        assertThat(own.readingLoggers().keys(Field.LOGGER)).containsExactly("lg");
    }
}
