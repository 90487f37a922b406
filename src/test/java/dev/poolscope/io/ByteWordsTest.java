package dev.poolscope.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ByteWordsTest {
    /** Head, tail and middle, as KeyTable and ValueCache compare a range with a kept key. */
    private static boolean sameAsCallersCompare(byte[] key, byte[] b, int from, int len) {
        return ByteWords.head(key, 0, len) == ByteWords.head(b, from, len)
                && ByteWords.tail(key, 0, len) == ByteWords.tail(b, from, len)
                && ByteWords.middleEquals(key, b, from, len);
    }

    /** The word-wise middle comparison against a byte loop: every length, a difference at every place. */
    @Test
    void middleEqualsAgreesWithComparingEveryByte() {
        for (int len = ByteWords.WHOLE + 1; len <= 64; len++) {
            byte[] key = new byte[len];
            for (int i = 0; i < len; i++) {
                key[i] = (byte) ('a' + i % 26);
            }
            for (int offset : new int[] {0, 3, 8}) {
                byte[] line = new byte[offset + len + 5];
                System.arraycopy(key, 0, line, offset, len);
                assertThat(sameAsCallersCompare(key, line, offset, len)).as("len %d", len).isTrue();
                for (int diff = 0; diff < len; diff++) {
                    byte[] changed = line.clone();
                    changed[offset + diff] ^= 1;
                    assertThat(Arrays.equals(key, 0, len, changed, offset, offset + len)).isFalse();
                    assertThat(sameAsCallersCompare(key, changed, offset, len)).as("len %d diff at %d", len, diff)
                            .isFalse();
                    if (diff >= Long.BYTES && diff < len - Long.BYTES) {
                        assertThat(ByteWords.middleEquals(key, changed, offset, len)).as("len %d diff at %d", len, diff)
                                .isFalse();
                    }
                }
            }
        }
    }
}
