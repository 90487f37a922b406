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
}
