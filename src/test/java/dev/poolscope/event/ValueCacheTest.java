package dev.poolscope.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ValueCacheTest {
    @Test
    void aRepeatedValueIsTheSameStringAndEveryValueReadsAsItsBytes() {
        ValueCache cache = new ValueCache();
        Random random = new Random(3);
        String[] names = new String[300];
        for (int i = 0; i < names.length; i++) {
            names[i] = random.nextBoolean() ? "pool." + "getconn.".repeat(i % 3) + i : String.valueOf(20_000 + i);
        }
        for (int round = 0; round < 20_000; round++) {
            String name = names[random.nextInt(names.length)];
            byte[] line = ("xx" + name + "yy").getBytes(StandardCharsets.UTF_8);
            assertThat(cache.get(line, 2, line.length - 4, false)).isEqualTo(name);
        }
        byte[] a = "pool.getconn.success".getBytes(StandardCharsets.UTF_8);
        assertThat(cache.get(a, 0, a.length, false)).isSameAs(cache.get(a.clone(), 0, a.length, false));
    }

    /** Values of every length up to the limit that differ in a single byte anywhere are told apart. */
    @Test
    void valuesDifferingInOneByteAreToldApart() {
        ValueCache cache = new ValueCache();
        Random random = new Random(5);
        for (int round = 0; round < 50_000; round++) {
            int len = random.nextInt(ValueCache.MAX_BYTES + 1);
            char[] c = new char[len];
            for (int i = 0; i < len; i++) {
                c[i] = "ab".charAt(random.nextInt(2));   // two letters: many values share slots and words
            }
            String value = new String(c);
            byte[] b = ("{" + value + "}").getBytes(StandardCharsets.US_ASCII);
            assertThat(cache.get(b, 1, len, false)).isEqualTo(value);
        }
    }

    @Test
    void decodesUtf8AndPassesLongValuesThrough() {
        ValueCache cache = new ValueCache();
        byte[] utf8 = "ñandú-process".getBytes(StandardCharsets.UTF_8);
        assertThat(cache.get(utf8, 0, utf8.length, true)).isEqualTo("ñandú-process");
        String longValue = "x".repeat(ValueCache.MAX_BYTES + 1);
        byte[] b = longValue.getBytes(StandardCharsets.US_ASCII);
        assertThat(cache.get(b, 0, b.length, false)).isEqualTo(longValue);
        byte[] empty = new byte[0];
        assertThat(cache.get(empty, 0, 0, false)).isEmpty();
    }
}
