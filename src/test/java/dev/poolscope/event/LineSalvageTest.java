package dev.poolscope.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What happens to each kind of broken line, at the decoder: read, repaired, split or malformed with a reason. */
class LineSalvageTest {
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();
    private static final String GET = "{\"event\": \"pool.getconn.success\", \"request_id\": \"r1\", \"conn_id\": \"c1\", "
            + "\"timestamp\": \"2026-01-01T00:00:01Z\"}";
    private static final String PUT = "{\"event\": \"pool.putconn.success\", \"request_id\": \"r1\", \"conn_id\": \"c1\", "
            + "\"timestamp\": \"2026-01-01T00:00:02Z\"}";

    private final EventDecoder decoder = new EventDecoder(FACTORY, FieldMapping.defaults(), EventNames.defaults());
    private final LineSalvage salvage = new LineSalvage(decoder, FACTORY);

    private static byte[] latin1(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private PoolEvent decode(byte[] b) throws MalformedLineException {
        return decoder.decode(b, 0, b.length, "t", 7);
    }

    /** Decodes like the pipeline: the decoder first, the salvage only for what it rejects. */
    private LineSalvage.Result read(byte[] b) {
        try {
            return new LineSalvage.Result(java.util.List.of(decode(b)), null, null);
        } catch (MalformedLineException e) {
            return salvage.salvage(b, 0, b.length, "t", 7, e.getMessage());
        }
    }

    @Test
    void aByteOrderMarkAtTheStartOfALaterLineIsSkipped() throws MalformedLineException {
        assertThat(decode(latin1("\u00ef\u00bb\u00bf" + GET)).kind()).isEqualTo(EventKind.CHECKOUT);
    }

    @Test
    void invalidUtf8InAnIrrelevantFieldKeepsTheCheckout() {
        byte[] line = latin1(GET.replace("}", ", \"user_agent\": \"Mozilla \u00ff\u00fe\"}"));
        assertThatThrownBy(() -> decode(line)).isInstanceOf(MalformedLineException.class);
        LineSalvage.Result r = read(line);
        assertThat(r.events()).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(EventKind.CHECKOUT);
            assertThat(e.requestId()).isEqualTo("r1");
            assertThat(e.line()).isEqualTo(7);
        });
        assertThat(r.repair()).isEqualTo("invalid UTF-8 replaced");
        assertThat(r.malformed()).isNull();
        assertThat(r.split()).isFalse();
    }

    @Test
    void invalidUtf8InAnIdBecomesAReplacementCharacter() {
        LineSalvage.Result r = read(latin1(GET.replace("\"r1\"", "\"r\u00c3(\"")));
        assertThat(r.events()).singleElement().extracting(PoolEvent::requestId).isEqualTo("r\ufffd(");
    }

    @Test
    void nulPaddingBeforeARecordIsReplacedAndTheRecordRead() {
        LineSalvage.Result r = read(latin1("\u0000".repeat(40) + PUT));
        assertThat(r.events()).singleElement().extracting(PoolEvent::kind).isEqualTo(EventKind.CHECKIN);
        assertThat(r.repair()).isEqualTo("control characters replaced");
    }

    @Test
    void aRawTabInsideAStringIsRepaired() {
        LineSalvage.Result r = read(utf8(GET.replace("}", ", \"msg\": \"a\tb\"}")));
        assertThat(r.events()).hasSize(1);
        assertThat(r.repair()).isEqualTo("control characters replaced");
    }

    @Test
    void aLineOfNulBytesIsMalformed() {
        LineSalvage.Result r = read(new byte[64]);
        assertThat(r.events()).isEmpty();
        assertThat(r.malformed()).isEqualTo("only NUL or control bytes (padding left by a crash?)");
    }

    @Test
    void aLineCutByACrashThenTheNextRecordKeepsTheNextRecord() {
        String cut = GET.substring(0, 28);   // {"event": "pool.getconn.succ
        LineSalvage.Result r = read(utf8(cut + PUT));
        assertThat(r.events()).singleElement().extracting(PoolEvent::kind).isEqualTo(EventKind.CHECKIN);
        assertThat(r.malformed()).isEqualTo("cut off after 28 bytes, followed by a complete record");
        assertThat(r.split()).isTrue();
    }

    @Test
    void aCutInsideANestedObjectStillFindsTheRecordAfterIt() {
        String cut = "{\"event\": \"x\", \"exc\": {\"type\": \"ValueError\", \"frames\": [{\"file\": \"a.py\"";
        String next = PUT.replace("}", ", \"ctx\": {\"a\": {\"b\": 1}}}");
        LineSalvage.Result r = read(utf8(cut + next));
        assertThat(r.events()).singleElement().extracting(PoolEvent::kind).isEqualTo(EventKind.CHECKIN);
        assertThat(r.malformed()).isEqualTo("cut off after " + utf8(cut).length + " bytes, followed by a complete record");
    }

    @Test
    void recordsWrittenWithoutNewlinesAreAllRead() {
        LineSalvage.Result r = read(utf8(GET + PUT + " " + GET));
        assertThat(r.events()).extracting(PoolEvent::kind)
                .containsExactly(EventKind.CHECKOUT, EventKind.CHECKIN, EventKind.CHECKOUT);
        assertThat(r.malformed()).isNull();
        assertThat(r.split()).isTrue();
    }

    @Test
    void plainTextIsMalformed() {
        assertThat(read(utf8("Traceback (most recent call last):")).malformed()).isEqualTo("plain text, not JSON");
        assertThat(read(utf8("  File \"app.py\", line 3, in <module>")).malformed()).isEqualTo("plain text, not JSON");
        assertThat(read(utf8("[2026-01-01 00:00:00] INFO started")).malformed()).isEqualTo("plain text, not JSON");
    }

    @Test
    void anArrayOrAScalarIsMalformedAndSaysWhatItIs() {
        assertThat(read(utf8("[1, {\"event\": \"pool.getconn.success\"}]")).malformed())
                .isEqualTo("a JSON array, not an object");
        assertThat(read(utf8("42")).malformed()).isEqualTo("a JSON number, not an object");
        assertThat(read(utf8("\"pool.getconn.success\"")).malformed()).isEqualTo("a JSON string, not an object");
        assertThat(read(utf8("null")).malformed()).isEqualTo("a JSON literal (null), not an object");
    }

    @Test
    void aTruncatedLastLineIsMalformed() {
        assertThat(read(utf8(GET.substring(0, GET.length() - 10))).malformed())
                .isEqualTo("the line ends inside the JSON (cut off)");
    }

    @Test
    void duplicateKeysLastOneWinsAsInPython() throws MalformedLineException {
        PoolEvent e = decode(utf8("{\"event\": \"x\", \"event\": \"pool.getconn.success\", \"request_id\": \"a\", "
                + "\"request_id\": \"b\"}"));
        assertThat(e.kind()).isEqualTo(EventKind.CHECKOUT);
        assertThat(e.requestId()).isEqualTo("b");
        // a better-ranked key wins whatever the order: "event" beats "message"
        assertThat(decode(utf8("{\"event\": \"pool.getconn.success\", \"message\": \"hello\"}")).kind())
                .isEqualTo(EventKind.CHECKOUT);
    }

    @Test
    void deepNestingIsReadUpToJacksonsLimitAndMalformedBeyond() throws MalformedLineException {
        String deep100 = GET.replace("}", ", \"x\": " + "[".repeat(100) + "]".repeat(100) + "}");
        assertThat(decode(utf8(deep100)).kind()).isEqualTo(EventKind.CHECKOUT);
        String deep5000 = GET.replace("}", ", \"x\": " + "[{\"a\":".repeat(5000) + "1" + "}]".repeat(5000) + "}");
        LineSalvage.Result r = read(utf8(deep5000));
        assertThat(r.events()).isEmpty();
        assertThat(r.malformed()).isEqualTo("beyond jackson's limits: Document nesting depth (1001) exceeds the maximum allowed (1000)");
    }

    @Test
    void pythonsNanAndInfinityAreReadAndAreNotCounts() throws MalformedLineException {
        PoolEvent e = decode(utf8("{\"event\": \"pool.getconn.success\", \"pool_used\": NaN, \"pool_max\": Infinity, "
                + "\"wait_ms\": -Infinity}"));
        assertThat(e.kind()).isEqualTo(EventKind.CHECKOUT);
        assertThat(e.poolUsed()).isEqualTo(PoolEvent.NO_COUNT);
        assertThat(e.poolMax()).isEqualTo(PoolEvent.NO_COUNT);
    }

    @Test
    void reasonsDoNotQuoteLogContent() {
        String reason = read(utf8("{\"event\": \"pool.getconn.success\", \"password\": hunter2secret}")).malformed();
        assertThat(reason).startsWith("broken JSON at byte ").doesNotContain("hunter2");
    }

    @Test
    @Timeout(10)
    void aHostileLineFullOfBracesCostsBoundedWork() {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (int i = 0; i < 100_000; i++) {
            b.writeBytes(utf8("{\"a\":"));
        }
        LineSalvage.Result r = read(b.toByteArray());
        assertThat(r.events()).isEmpty();
        assertThat(r.malformed()).isNotNull();
    }

    // --- robustness.md, "Bad input": what is replaced, and what the repair says ---

    @Test
    void invalidUtf8AndAControlCharacterAreBothNamed() {
        byte[] line = latin1(GET.replace("}", ", \"ua\": \"a\u00ff\u0001b\"}"));
        LineSalvage.Result r = read(line);
        assertThat(r.events()).singleElement().extracting(PoolEvent::kind).isEqualTo(EventKind.CHECKOUT);
        assertThat(r.repair()).isEqualTo("invalid UTF-8 and control characters replaced");
    }

    @Test
    void onlyBytesBelowASpaceAreControlCharacters() {
        assertThat(LineSalvage.sanitize(utf8("a b~"), 0, 4)).as("printable ASCII").isNull();
        assertThat(LineSalvage.sanitize(utf8("a\u001fb"), 0, 3)).isEqualTo(utf8("a b"));
        assertThat(LineSalvage.sanitize(latin1("a\u00e9"), 0, 2)).isEqualTo(utf8("a\ufffd"));
        // only the line's own bytes count
        byte[] framed = latin1("\u0000\u00ffab\u0000\u00ff");
        assertThat(LineSalvage.sanitize(framed, 2, 2)).isNull();
        assertThat(LineSalvage.validUtf8(framed, 2, 2)).isTrue();
        assertThat(LineSalvage.validUtf8(framed, 1, 2)).isFalse();
        // a rejected line with nothing to replace carries no repair note
        LineSalvage.Result r = read(utf8("Traceback (most recent call last):"));
        assertThat(r.repair()).isNull();
    }

    @Test
    void nulPaddingWithTextIsPlainTextNotPadding() {
        assertThat(read(latin1("\u0000".repeat(8) + "x")).malformed()).isEqualTo("plain text, not JSON");
    }

    @Test
    void aRepairedLineIsStillSplitAtItsRecords() {
        String cut = GET.substring(0, 28);
        LineSalvage.Result r = read(latin1("\u0000\u0000" + cut + PUT));
        assertThat(r.events()).singleElement().extracting(PoolEvent::kind).isEqualTo(EventKind.CHECKIN);
        assertThat(r.repair()).isEqualTo("control characters replaced");
        assertThat(r.malformed()).isEqualTo("cut off after 30 bytes, followed by a complete record");
    }

    @Test
    void aRecordIsFoundWithinThirtyTwoAttemptsAndNotBeyond() {
        // each '{' before the record is one failed attempt; the record's own brace is the next one
        LineSalvage.Result within = read(utf8("x" + "{".repeat(31) + PUT));
        assertThat(within.events()).singleElement().extracting(PoolEvent::kind).isEqualTo(EventKind.CHECKIN);
        assertThat(within.malformed()).isEqualTo("cut off after 32 bytes, followed by a complete record");
        LineSalvage.Result beyond = read(utf8("x" + "{".repeat(32) + PUT));
        assertThat(beyond.events()).isEmpty();
        assertThat(beyond.malformed()).isNotNull();
    }

    @Test
    void attemptsAtTheStartOfTheRestCountTowardsTheBound() {
        // k braces, then two records: k + 2 attempts find the second record, the rest before it fails (one
        // more), then k + 1 attempts find the first: 2k + 4 <= 32 reads both, k = 15 only the second
        LineSalvage.Result both = read(utf8("x" + "{".repeat(14) + GET + PUT));
        assertThat(both.events()).extracting(PoolEvent::kind).containsExactly(EventKind.CHECKOUT, EventKind.CHECKIN);
        assertThat(both.malformed()).isEqualTo("cut off after 15 bytes, followed by a complete record");
        LineSalvage.Result second = read(utf8("x" + "{".repeat(15) + GET + PUT));
        assertThat(second.events()).extracting(PoolEvent::kind).containsExactly(EventKind.CHECKIN);
        assertThat(second.malformed()).isEqualTo("cut off after " + (16 + GET.length()) + " bytes, followed by a complete record");
    }

    @Test
    void aLineWithinALargerBufferIsReadFromItsOwnBytesOnly() {
        // the reader hands lines as ranges of its buffer: salvage must neither read before nor after them
        String cut = GET.substring(0, 28);
        String[] lines = {"[1, 2]", cut + PUT, GET + PUT, "\u0000\u0000" + PUT};
        String joined = PUT + "\n" + String.join("\n", lines) + "\n" + GET;
        byte[] buf = latin1(joined);
        int off = PUT.length() + 1;
        LineSalvage.Result[] r = new LineSalvage.Result[lines.length];
        for (int k = 0; k < lines.length; k++) {
            r[k] = salvage.salvage(buf, off, lines[k].length(), "t", 7, "rejected");
            off += lines[k].length() + 1;
        }
        assertThat(r[0].malformed()).isEqualTo("a JSON array, not an object");
        assertThat(r[1].events()).extracting(PoolEvent::kind).containsExactly(EventKind.CHECKIN);
        assertThat(r[1].malformed()).isEqualTo("cut off after 28 bytes, followed by a complete record");
        assertThat(r[2].events()).extracting(PoolEvent::kind).containsExactly(EventKind.CHECKOUT, EventKind.CHECKIN);
        assertThat(r[2].malformed()).isNull();
        assertThat(r[3].events()).extracting(PoolEvent::kind).containsExactly(EventKind.CHECKIN);
        assertThat(r[3].repair()).isEqualTo("control characters replaced");
    }
}
