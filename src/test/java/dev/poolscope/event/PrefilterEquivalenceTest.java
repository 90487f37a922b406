package dev.poolscope.event;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The pre-filter must never change what a line decodes to (issue #8): every line of every fixture and
 * sample, and thousands of mutated and hand-made tricky lines, decode to the same event or the same
 * malformed reason with and without it.
 */
class PrefilterEquivalenceTest {
    private static final JsonFactory FACTORY = new JsonFactory();

    @Test
    void everyFixtureAndSampleLineDecodesTheSameAndMostTakeTheFastPath() throws IOException {
        List<byte[]> lines = corpus();
        assertThat(lines).hasSizeGreaterThan(20_000);
        assertSame(lines, FieldMapping.defaults(), EventNames.defaults());

        LinePrefilter prefilter = new LinePrefilter(FieldMapping.defaults(), EventNames.defaults());
        long fast = lines.stream().filter(l -> prefilter.scan(l, 0, l.length, new String[Field.values().length])).count();
        // Otherwise the equivalence above would hold trivially, with jackson doing all the work.
        assertThat((double) fast / lines.size()).isGreaterThan(0.95);
    }

    @Test
    void mutatedLinesDecodeTheSame() throws IOException {
        List<byte[]> seeds = corpus();
        Random random = new Random(8);
        List<byte[]> mutants = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            byte[] seed = seeds.get(random.nextInt(seeds.size()));
            mutants.add(mutate(seed, random));
        }
        assertSame(mutants, FieldMapping.defaults(), EventNames.defaults());
    }

    @Test
    void handMadeEdgeCasesDecodeTheSame() {
        List<String> cases = List.of(
                "{}", " {} ", "{ }", "\t{\"event\":\"pool.getconn.success\"}\t", "[]", "\"x\"", "1", "null", "",
                "{\"event\":\"pool.getconn.success\",\"event\":\"pool.putconn.success\"}",
                "{\"msg\":\"pool.putconn.success\",\"event\":\"pool.getconn.success\"}",
                "{\"event\":\"pool.getconn.success\",\"message\":\"x\"}",
                "{\"event\":\"pool.getconn.success\",\"request_id\":\"a\",\"req_id\":\"b\"}",
                "{\"req_id\":\"b\",\"request_id\":\"a\",\"request_id\":\"c\"}",
                "{\"pool_used\":01}", "{\"pool_used\":-0}", "{\"pool_used\":1.}", "{\"pool_used\":1e5}",
                "{\"pool_used\":1.5E+2}", "{\"pool_used\":-}", "{\"pool_used\":+1}", "{\"pool_used\":.5}",
                "{\"pool_used\":\"7\"}", "{\"pool_used\":true}", "{\"pool_used\":{\"a\":1}}", "{\"pool_used\":[1]}",
                "{\"pool_used\":12345678901234567890}", "{\"pool_used\":1.0e400}", "{\"pool_used\":NaN}",
                "{\"a\":tru}", "{\"a\":truex}", "{\"a\":nul}", "{\"a\":null,}", "{,}", "{\"a\"}", "{\"a\":}",
                "{\"a\":1}x", "{\"a\":1} {\"b\":2}", "{\"a\":1}}", "{\"a\":[1,2,]}", "{\"a\":[,]}", "{\"a\":{}}",
                "{\"event\":\"a\\\"b\"}", "{\"event\":\"pool.getconn.succes\\u0073\"}", "{\"ev\\u0065nt\":\"x\"}",
                "{\"event\\n\":\"x\"}", "{\"path\":\"\\/api\\/x\",\"method\":\"get\"}", "{\"path\":\"/a\\tb\"}",
                "{\"event\":\"caf\u00e9\"}", "{\"event\":\"\u65e5\u672c\"}", "{\"event\":\"\ud83d\ude00\"}",
                "{\"error\":\"PoolError: connection pool exhausted\"}",
                "{\"error\":{\"nested\":[\"connection pool exhausted\"]}}",
                "{\"connection pool exhausted\":1}",
                "{\"error\":\"connection pool\\nexhausted\"}",
                "{\"error\":\"\\\\connection pool exhausted\"}",
                "{\"error\":\"connection pool exhauste\\u0064\"}",
                "{\"event\":\"pool.getconn.FAILED\",\"error\":\"connection pool exhausted\"}",
                "{\"detail\":\"canceling statement due to statement timeout\",\"pgcode\":\"57014\"}",
                "{\"sqlstate\":57014}", "{\"a\":\"\u0001\"}", "{\"a\":\"tab\there\"}", "{\"a\":1\r}", "{\"a\":\r1}",
                "{\"timestamp\":\"2026-11-27T15:15:47.788097Z\",\"ts\":1700000000}",
                "{\"ts\":1700000000.5,\"pid\":1.5,\"host\":\"h\"}", "{\"pid\":\"\",\"hostname\":\"\"}",
                "{\"a\":" + "[".repeat(40) + "]".repeat(40) + "}", "{\"a\":" + "[".repeat(600) + "]".repeat(600) + "}",
                "{\"n\":" + "1".repeat(150) + "}");
        List<byte[]> lines = new ArrayList<>();
        for (String c : cases) {
            lines.add(c.getBytes(StandardCharsets.UTF_8));
        }
        lines.add(new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, '"', '}'});           // cut UTF-8
        lines.add(new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC0, (byte) 0x80, '"', '}'}); // overlong form
        lines.add(new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', '}'});
        lines.add(new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xFF, '"', '}'});
        lines.add(new byte[] {'{', '"', (byte) 0xC3, (byte) 0xA9, '"', ':', '1', '}'});
        assertSame(lines, FieldMapping.defaults(), EventNames.defaults());
    }

    @Test
    void userKeysAndEventNamesDecodeTheSame() throws IOException {
        FieldMapping custom = FieldMapping.withOverrides(Map.of(Field.EVENT, List.of("level"),
                Field.REQUEST_ID, List.of("path", "request_id"), Field.TIME, List.of("ts", "timestamp")));
        EventNames names = new EventNames("info", "warning", "error", "x", java.util.Set.of("debug"));
        assertSame(corpus(), custom, names);
    }

    /**
     * Event texts are not built when too long to be a name; at the limit an escaped text that decodes to
     * the longest name still is one. Here the longest name is 40 slashes, each escaped as two bytes.
     */
    @Test
    void eventTextsAroundTheLengthLimitDecodeTheSame() throws MalformedLineException {
        String longest = "/".repeat(40);
        EventNames names = new EventNames(longest, "in", "failed", "high", java.util.Set.of("end"));
        List<byte[]> lines = new ArrayList<>();
        for (int k = 36; k <= 44; k++) {
            lines.add(("{\"event\":\"" + "\\/".repeat(k) + "\"}").getBytes(StandardCharsets.UTF_8));
            lines.add(("{\"event\":\"" + "/".repeat(2 * k) + "\"}").getBytes(StandardCharsets.UTF_8));
            lines.add(("{\"event\":\"" + "\\/".repeat(k) + "\",\"msg\":\"in\"}").getBytes(StandardCharsets.UTF_8));
        }
        assertSame(lines, FieldMapping.defaults(), names);
        EventDecoder decoder = new EventDecoder(FACTORY, FieldMapping.defaults(), names, true);
        byte[] atLimit = ("{\"event\":\"" + "\\/".repeat(40) + "\"}").getBytes(StandardCharsets.UTF_8);
        assertThat(decoder.decode(atLimit, 0, atLimit.length, "t", 1).kind()).isEqualTo(EventKind.CHECKOUT);
    }

    private static void assertSame(List<byte[]> lines, FieldMapping mapping, EventNames names) {
        EventDecoder withPrefilter = new EventDecoder(FACTORY, mapping, names, true);
        EventDecoder jacksonOnly = new EventDecoder(FACTORY, mapping, names, false);
        for (int i = 0; i < lines.size(); i++) {
            byte[] line = lines.get(i);
            // An offset inside a larger buffer, as the reader passes it.
            byte[] padded = new byte[line.length + 7];
            System.arraycopy(line, 0, padded, 3, line.length);
            Arrays.fill(padded, line.length + 3, padded.length, (byte) '}');
            Object fast = outcome(withPrefilter, padded, 3, line.length, i);
            Object slow = outcome(jacksonOnly, line, 0, line.length, i);
            assertThat(fast).as("line %d: %s", i, new String(line, StandardCharsets.UTF_8)).isEqualTo(slow);
        }
    }

    private static Object outcome(EventDecoder decoder, byte[] buf, int off, int len, long line) {
        try {
            return decoder.decode(buf, off, len, "src", line);
        } catch (MalformedLineException e) {
            return "malformed: " + e.getMessage();
        }
    }

    private static final String[] INSERTS = {"\"", "\\", "{", "}", "[", "]", ":", ",", "0", "-", ".", "e", " ",
        "\t", "\r", "\u0000", "\u001f", "\u007f", "u", "\\u0041", "\\u00e9", "\\\"", "\\n", "\\/", "01", "1.",
        "tru", "nul", ",}", "\u00e9", "\ud83d\ude00", "connection pool exhausted", "\"event\": \"pool.putconn.success\", ",
        "\"pool_used\": 99, ", "\"request_id\": \"r\", ", "\"pgcode\": \"57014\", "};

    private static byte[] mutate(byte[] seed, Random random) {
        byte[] b = seed.clone();
        int edits = 1 + random.nextInt(3);
        for (int e = 0; e < edits && b.length > 0; e++) {
            int at = random.nextInt(b.length);
            switch (random.nextInt(5)) {
                case 0 -> b[at] = (byte) random.nextInt(256);
                case 1 -> b = splice(b, at, 1, new byte[0]);
                case 2 -> b = splice(b, at, 0, INSERTS[random.nextInt(INSERTS.length)].getBytes(StandardCharsets.UTF_8));
                case 3 -> b = Arrays.copyOf(b, at);
                default -> {
                    // Swap with a structural neighbour: near-valid lines are the ones that test the grammar.
                    int other = Math.min(b.length - 1, at + 1 + random.nextInt(4));
                    byte t = b[at];
                    b[at] = b[other];
                    b[other] = t;
                }
            }
        }
        return b;
    }

    private static byte[] splice(byte[] b, int at, int remove, byte[] insert) {
        byte[] out = new byte[b.length - remove + insert.length];
        System.arraycopy(b, 0, out, 0, at);
        System.arraycopy(insert, 0, out, at, insert.length);
        System.arraycopy(b, at + remove, out, at + insert.length, b.length - at - remove);
        return out;
    }

    /** Every line of the test fixtures and of the bundled samples. */
    static List<byte[]> corpus() throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path dir : List.of(Path.of("src/test/resources/fixtures"), Path.of("samples"))) {
            if (Files.isDirectory(dir)) {
                try (Stream<Path> s = Files.walk(dir)) {
                    s.filter(p -> p.toString().endsWith(".jsonl")).sorted().forEach(files::add);
                }
            }
        }
        List<byte[]> lines = new ArrayList<>();
        for (Path f : files) {
            for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                lines.add(line.getBytes(StandardCharsets.UTF_8));
            }
        }
        return lines;
    }
}
