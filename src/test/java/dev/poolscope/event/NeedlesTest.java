package dev.poolscope.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NeedlesTest {
    /** The argument that raw bytes and decoded text agree (see Needles) holds for these texts. */
    @Test
    void textsHoldNoCharacterAnEscapeStandsForAndStartWithNoEscapeLetter() {
        for (Needles n : Needles.values()) {
            assertThat(n.text()).doesNotContain("\"", "\\", "/", "\b", "\f", "\n", "\r", "\t");
            assertThat("\"\\/bfnrtu").doesNotContain(n.text().substring(0, 1));
            assertThat(n.text()).matches("[\\x20-\\x7e]+");
        }
    }

    @Test
    void findsTheTextsWhereStringContainsDoes() {
        Random random = new Random(8);
        String[] parts = {"connection pool exhausted", "canceling statement due to statement timeout", "connection",
            "pool", " ", "statement", "c", "exhausted", "x", "\\", "canceling statement due to statement", "n pool exh",
            "austed", "due to statement timeout", "ti", "on"};
        for (int round = 0; round < 20_000; round++) {
            String s = joined(random, parts, 6);
            byte[] b = s.getBytes(StandardCharsets.US_ASCII);
            int from = b.length == 0 ? 0 : random.nextInt(b.length);
            int to = from + random.nextInt(b.length - from + 1);
            String window = s.substring(from, to);
            boolean exhausted = window.contains(EventNames.EXHAUSTED_TEXT);
            boolean timeout = window.contains(EventNames.STATEMENT_TIMEOUT_TEXT);
            int found = Needles.find(b, from, to);
            assertThat((found & Needles.EXHAUSTED_FOUND) != 0).as(window).isEqualTo(exhausted);
            assertThat((found & Needles.TIMEOUT_FOUND) != 0).as(window).isEqualTo(timeout);
            assertThat(found & ~(Needles.EXHAUSTED_FOUND | Needles.TIMEOUT_FOUND)).isZero();
            if (!Needles.mayHold(from, to)) {
                assertThat(exhausted || timeout).as(window).isFalse();
            }
        }
    }

    /** Fewer than {@code max} parts picked at random, end to end. */
    private static String joined(Random random, String[] parts, int max) {
        StringBuilder s = new StringBuilder();
        int n = random.nextInt(max);
        for (int i = 0; i < n; i++) {
            s.append(parts[random.nextInt(parts.length)]);
        }
        return s.toString();
    }
}
