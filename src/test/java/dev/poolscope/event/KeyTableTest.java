package dev.poolscope.event;

import static org.assertj.core.api.Assertions.assertThat;

import dev.poolscope.io.ByteWords;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class KeyTableTest {
    /**
     * Keys of every length up to 40 over two letters, so that many share their first or last eight bytes
     * with a mapped key, are found exactly when a map lookup finds them: at the start, the middle and the
     * very end of a buffer (where the short-key word cannot be read past the key).
     */
    @Test
    void findsExactlyTheMappedKeysWhereverTheyLie() {
        Random random = new Random(11);
        List<String> mapped = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            mapped.add(twoLetters(random, random.nextInt(41)));
        }
        mapped.removeIf(String::isBlank);
        FieldMapping mapping = FieldMapping.withOverrides(Map.of(Field.REQUEST_ID, List.copyOf(
                new java.util.LinkedHashSet<>(mapped)), Field.ENDPOINT, List.of("path", "ñandú")));
        KeyTable table = new KeyTable(mapping);
        for (int round = 0; round < 50_000; round++) {
            String key = random.nextInt(4) == 0 ? mapped.get(random.nextInt(mapped.size()))
                    : twoLetters(random, random.nextInt(41));
            byte[] k = key.getBytes(StandardCharsets.UTF_8);
            int before = random.nextInt(3) * 7;
            int after = random.nextInt(3) == 0 ? 0 : random.nextInt(20);
            byte[] buf = new byte[before + k.length + after];
            random.nextBytes(buf);
            System.arraycopy(k, 0, buf, before, k.length);
            assertThat(table.find(buf, before, k.length)).as(key).isEqualTo(mapping.slot(key));
        }
        byte[] path = "xxñandú".getBytes(StandardCharsets.UTF_8);
        assertThat(table.find(path, 2, path.length - 2)).isEqualTo(mapping.slot("ñandú"));
    }

    /** The pre-filter's short-key lookup, given the key as words, answers as the byte lookup does. */
    @Test
    void shortKeysGivenAsWordsAreFoundAsTheirBytesAre() {
        Random random = new Random(12);
        KeyTable table = new KeyTable(FieldMapping.defaults());
        List<String> keys = new ArrayList<>(List.of("event", "pid", "ts", "timestamp", "request_id", "conn_id",
                "pool_used", "path", "method", "hostname", "", "a", "eventx", "request_ie", "connection_id"));
        for (int i = 0; i < 2_000; i++) {
            keys.add(twoLetters(random, random.nextInt(16)));
        }
        for (String key : keys) {
            byte[] k = key.getBytes(StandardCharsets.UTF_8);
            if (k.length >= 16) {
                continue;
            }
            long head = ByteWords.head(k, 0, k.length);
            long tail = ByteWords.tail(k, 0, k.length);
            assertThat(table.findShort(head, tail, k.length)).as(key).isEqualTo(table.find(k, 0, k.length));
        }
        byte[] event = "event".getBytes(StandardCharsets.UTF_8);
        assertThat(table.findShort(ByteWords.head(event, 0, 5), 0, 5)).isNotNull();
    }

    @Test
    void growsWithTheNumberOfMappedKeys() {
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            many.add("request_id_" + i);
        }
        FieldMapping mapping = FieldMapping.withOverrides(Map.of(Field.REQUEST_ID, many));
        KeyTable table = new KeyTable(mapping);
        for (String key : many) {
            byte[] k = key.getBytes(StandardCharsets.UTF_8);
            assertThat(table.find(k, 0, k.length)).as(key).isNotNull().isEqualTo(mapping.slot(key));
        }
        byte[] other = "request_id_500".getBytes(StandardCharsets.UTF_8);
        assertThat(table.find(other, 0, other.length)).isNull();
    }

    private static String twoLetters(Random random, int len) {
        char[] c = new char[len];
        for (int i = 0; i < len; i++) {
            c[i] = "ab".charAt(random.nextInt(2));
        }
        return new String(c);
    }
}
