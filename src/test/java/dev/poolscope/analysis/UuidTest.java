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

    /** Halves that together are all ones make the parser look again at every character: still valid UUIDs. */
    @Test
    void aValidUuidWhoseHalvesCoverEveryBitStillParses() {
        long[] v = new long[2];
        assertThat(Uuid.parse("00000000-0000-0000-ffff-ffffffffffff", v)).isTrue();
        assertThat(v).containsExactly(0L, -1L);
        assertThat(Uuid.parse("ffffffff-ffff-ffff-0000-000000000000", v)).isTrue();
        assertThat(v).containsExactly(-1L, 0L);
        assertThat(Uuid.parse("0f0f0f0f-0f0f-0f0f-f0f0-f0f0f0f0f0f0", v)).isTrue();
        assertThat(v).containsExactly(0x0f0f_0f0f_0f0f_0f0fL, 0xf0f0_f0f0_f0f0_f0f0L);
    }

    /** A bad character anywhere, the first one included, and the first character past ASCII, is no UUID. */
    @Test
    void aBadCharacterBeforeValidDigitsIsNoUuid() {
        long[] v = new long[2];
        for (String bad : new String[] {"g0000000-0000-4000-8000-000000000000", "0000000g-0000-4000-8000-000000000000",
                "00000000-000g-4000-8000-000000000000", "00000000-0000-4000-g000-000000000000",
                "\u0080fffffff-ffff-ffff-ffff-ffffffffffff", "ffffffff-ffff-ffff-ffff-fffffffffff\u0080",
                "00000000-0000-4000-8000-00000000000\u0080", "0f8e2c4a-1b2c-4d3e-8f90-a1b2c3d4e5\u007ff"}) {
            assertThat(Uuid.parse(bad, v)).as(bad).isFalse();
        }
    }

    /**
     * The tables' hash finaliser is SplitMix64's (Steele, Lea and Flood 2014): the generator seeded with 0 feeds
     * it 0x9e3779b97f4a7c15, twice that, three times that, and its published first outputs are these.
     */
    @Test
    void mixIsTheSplitMix64Finaliser() {
        long golden = 0x9e37_79b9_7f4a_7c15L;
        assertThat(Uuid.mix(golden)).isEqualTo(0xe220_a839_7b1d_cdafL);
        assertThat(Uuid.mix(2 * golden)).isEqualTo(0x6e78_9e6a_a1b9_65f4L);
        assertThat(Uuid.mix(3 * golden)).isEqualTo(0x06c4_5d18_8009_454fL);
        assertThat(Uuid.mix(0)).isZero();
    }
}
