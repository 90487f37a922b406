package dev.poolscope.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The word-at-a-time newline search finds exactly what a byte loop finds, at every alignment. */
class NewlineSearchTest {
    @Test
    void findsTheFirstNewlineLikeAByteLoop() {
        Random random = new Random(8);
        for (int round = 0; round < 20_000; round++) {
            byte[] buf = new byte[1 + random.nextInt(40)];
            for (int i = 0; i < buf.length; i++) {
                // Bytes next to '\n' in value (0x09, 0x0b, 0x8a) catch a sloppy zero-byte test.
                int pick = random.nextInt(10);
                buf[i] = (byte) (pick == 0 ? '\n' : pick == 1 ? 0x0b : pick == 2 ? 0x09 : pick == 3 ? 0x8a
                        : pick == 4 ? 0 : random.nextInt(256));
            }
            int from = random.nextInt(buf.length);
            int to = from + random.nextInt(buf.length - from + 1);
            assertThat(LineReader.indexOf(buf, from, to)).isEqualTo(naive(buf, from, to));
        }
    }

    private static int naive(byte[] buf, int from, int to) {
        for (int i = from; i < to; i++) {
            if (buf[i] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
