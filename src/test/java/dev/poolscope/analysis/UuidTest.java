package dev.poolscope.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class UuidTest {
    @Test
    void parsesFormatsAndHashesLikeTheText() {
        Random r = new Random(7);
        long[] v = new long[2];
        for (int n = 0; n < 10_000; n++) {
            long hi = n < 2 ? -n : r.nextLong();   // 0 and all ones (-1) too
            long lo = n < 2 ? -n : r.nextLong();
            String text = Uuid.format(hi, lo);
            assertThat(text).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
            assertThat(Uuid.parse(text, v)).isTrue();
            assertThat(v).containsExactly(hi, lo);
            assertThat(Uuid.textHash(hi, lo)).isEqualTo(text.hashCode());
        }
    }

    @Test
    void anythingElseIsNotOne() {
        long[] v = new long[2];
        String good = "0f8e2c4a-1b2c-4d3e-8f90-a1b2c3d4e5f6";
        assertThat(Uuid.parse(good, v)).isTrue();
        for (String bad : new String[] {good.toUpperCase(), good.replace('-', '_'), good + "0", good.substring(1),
                "0f8e2c4a-1b2c-4d3e-8f90-a1b2c3d4e5fg", "ffffffff-ffff-ffff-ffff-fffffffffffg",
                "gfffffff-ffff-ffff-ffff-ffffffffffff", "0f8e2c4a-1b2c-4d3e-8f90-a1b2c3d4e5\u00e9f", "", "42"}) {
            assertThat(Uuid.parse(bad, v)).as(bad).isFalse();
        }
        assertThat(Uuid.parse("ffffffff-ffff-ffff-ffff-ffffffffffff", v)).isTrue();
        assertThat(v).containsExactly(-1L, -1L);
    }

    /** The cache answers as a fresh parse would, for texts that come back, collide in it or are no UUID. */
    @Test
    void theCacheAnswersAsAParseWould() {
        Random random = new Random(21);
        String[] texts = new String[500];
        for (int i = 0; i < texts.length; i++) {
            texts[i] = random.nextInt(5) == 0 ? "req-" + i
                    : String.format("%08x-%04x-4%03x-a%03x-%012x", random.nextInt(), random.nextInt(1 << 16),
                    random.nextInt(1 << 12), random.nextInt(1 << 12), random.nextLong() & 0xFFFF_FFFF_FFFFL);
        }
        Uuid.Cache cache = new Uuid.Cache();
        long[] cached = new long[2];
        long[] fresh = new long[2];
        for (int round = 0; round < 20_000; round++) {
            String s = texts[random.nextInt(random.nextBoolean() ? 8 : texts.length)];
            boolean ok = Uuid.parse(s, fresh);
            assertThat(cache.parse(s, cached)).as(s).isEqualTo(ok);
            if (ok) {
                assertThat(cached).as(s).containsExactly(fresh);
            }
        }
    }
}
