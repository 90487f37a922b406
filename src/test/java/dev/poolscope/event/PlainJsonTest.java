package dev.poolscope.event;

import static org.assertj.core.api.Assertions.assertThat;

import dev.poolscope.io.ByteWords;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The grammar subset the pre-filter proves plain (PlainJson's class comment; docs/performance.md): each reader
 * returns the index after what it read, or -1 to leave the line to jackson. Expected indices are counted by
 * hand from the input. A reader that refuses too much only costs speed (PrefilterEquivalenceTest), one that
 * accepts too much would decide a line jackson rejects: both are pinned here, on the readers themselves.
 */
class PlainJsonTest {
    /** The readers over {@code text}, which ends at {@code limit}; digits follow so reading past shows. */
    private static PlainJson over(byte[] text) {
        PlainJson j = new PlainJson() { };
        j.buf = new byte[text.length + 20];
        System.arraycopy(text, 0, j.buf, 0, text.length);
        java.util.Arrays.fill(j.buf, text.length, j.buf.length, (byte) '0');
        j.limit = text.length;
        return j;
    }

    private static PlainJson over(String text) {
        return over(text.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] bytes(int... b) {
        byte[] out = new byte[b.length];
        for (int i = 0; i < b.length; i++) {
            out[i] = (byte) b[i];
        }
        return out;
    }

    // --- numbers: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?, jackson's default ---

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "0           | 1", "-0          | 2", "9           | 1", "1234567890  | 10", "-12.5e+3    | 8",
        "1E5         | 3", "1e-5        | 4", "0.5         | 3", "0.09        | 4", "7,          | 1",
        "01          | 1", "1:          | 1", "1/          | 1", "2.5}        | 3", "3e9 ,       | 3",
        "-           | -1", "-a          | -1", "1.          | -1", "1.e5        | -1", "1e          | -1",
        "1e+         | -1", "1E-x        | -1", ".5          | -1", "-.5         | -1", "+1          | -1"})
    void numbers(String text, int end) {
        assertThat(over(text).number(0)).isEqualTo(end);
    }

    @Test
    void aNumberOfUpTo100CharactersIsPlain() {
        String hundred = "1" + "0".repeat(99);
        assertThat(over(hundred).number(0)).isEqualTo(100);
        assertThat(over(hundred + "0").number(0)).isEqualTo(-1);
        String fraction = "0." + "5".repeat(98);
        assertThat(over(fraction).number(0)).isEqualTo(100);
    }

    @Test
    void digitsStopAtTheLimit() {
        PlainJson j = over("123");
        j.limit = 2;
        assertThat(j.digits(0)).isEqualTo(2);
        assertThat(j.number(0)).isEqualTo(2);
        assertThat(over("12.").number(0)).isEqualTo(-1);
        assertThat(over("12e").number(0)).isEqualTo(-1);
        assertThat(over("-").number(0)).isEqualTo(-1);
    }

    // --- literals and whitespace ---

    @Test
    void literalsAreReadWhole() {
        assertThat(over("true").literal(0, "true")).isEqualTo(4);
        assertThat(over(" null,").literal(1, "null")).isEqualTo(5);
        assertThat(over("tru").literal(0, "true")).isEqualTo(-1);
        assertThat(over("trux").literal(0, "true")).isEqualTo(-1);
        assertThat(over("fals").literal(0, "false")).isEqualTo(-1);
    }

    @Test
    void onlySpacesAndTabsAreSkipped() {
        assertThat(over(" \t \tx").ws(0)).isEqualTo(4);
        assertThat(over("   ").ws(0)).isEqualTo(3);
        assertThat(over("\n").ws(0)).isZero();
        assertThat(over("\r ").ws(0)).isZero();
        assertThat(over("x").ws(-1)).isEqualTo(-1);
        assertThat(over("  ").ws(2)).isEqualTo(2);
    }

    // --- strings: no backslash-u, no raw control bytes, well-formed UTF-8 ---

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
        "abc\"         | 4", "\"            | 1", "a b~\"        | 5", "0123456789abcdef\" | 17",
        "a\\\"b\"      | 5", "a\\\\\"       | 4", "a\\/\"        | 4", "\\b\\f\\n\\r\\t\" | 11",
        "a\\u0041\"    | -1", "a\\x\"       | -1", "a\\a\"        | -1", "abc          | -1",
        "a\\           | -1", "0123456789abcdefghij | -1"})
    void stringBodies(String body, int end) {
        assertThat(over(body).string(0)).isEqualTo(end);
    }

    @Test
    void escapedAndNonAsciiAreNotedForTheDecoding() {
        PlainJson j = over("a\\nb\\t\\/\\\\\\\"\"");
        assertThat(j.string(0)).isEqualTo(13);
        assertThat(j.escaped).isTrue();
        assertThat(j.nonAscii).isFalse();
        assertThat(j.text(0, 12)).isEqualTo("a\nb\t/\\\"");
        PlainJson u = over("caf\u00e9 \\b\\f\\r\"");
        assertThat(u.string(0)).isEqualTo(13);
        assertThat(u.nonAscii).isTrue();
        assertThat(u.text(0, 12)).isEqualTo("caf\u00e9 \b\f\r");
        PlainJson plain = over("abc\"");
        plain.escaped = true;
        plain.nonAscii = true;
        assertThat(plain.string(0)).isEqualTo(4);
        assertThat(plain.escaped).as("reset for each string").isFalse();
        assertThat(plain.nonAscii).isFalse();
        assertThat(plain.text(0, 3)).isEqualTo("abc");
    }

    @Test
    void aLongEscapedStringIsDecodedWhole() {
        String body = "x\\n".repeat(200);
        PlainJson j = over(body + "\"");
        assertThat(j.string(0)).isEqualTo(body.length() + 1);
        assertThat(j.text(0, body.length())).isEqualTo("x\n".repeat(200));
    }

    @Test
    void controlBytesEndAStringAsNotPlainButDeleteDoesNot() {
        for (int c = 0; c < 0x20; c++) {
            assertThat(over(bytes('a', c, '"')).string(0)).as("byte %d", c).isEqualTo(-1);
            assertThat(over(bytes('0', '1', '2', '3', '4', '5', '6', '7', '8', c, '"')).string(0)).as("byte %d", c)
                    .isEqualTo(-1);
        }
        assertThat(over(bytes('a', 0x7f, '"')).string(0)).isEqualTo(3);
        assertThat(over(bytes('a', 0x20, '"')).string(0)).isEqualTo(3);
    }

    @Test
    void shortEscapesAreExactlyJsons() {
        for (int e = 0; e < 256; e++) {
            boolean expected = "\"\\/bfnrt".indexOf(e) >= 0;
            assertThat(PlainJson.isShortEscape((byte) e)).as("\\%c", (char) e).isEqualTo(expected);
        }
        assertThat(PlainJson.unescape((byte) 'b')).isEqualTo((byte) 8);
        assertThat(PlainJson.unescape((byte) 'f')).isEqualTo((byte) 12);
        assertThat(PlainJson.unescape((byte) 'n')).isEqualTo((byte) 10);
        assertThat(PlainJson.unescape((byte) 'r')).isEqualTo((byte) 13);
        assertThat(PlainJson.unescape((byte) 't')).isEqualTo((byte) 9);
        assertThat(PlainJson.unescape((byte) '/')).isEqualTo((byte) '/');
    }

    // --- UTF-8 (RFC 3629): no overlongs, no surrogates, nothing above U+10FFFF ---

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "C2 80       | 2", "DF BF       | 2", "E0 A0 80    | 3", "E1 80 80    | 3", "EC BF BF    | 3",
        "ED 80 80    | 3", "ED 9F BF    | 3", "EE 80 80    | 3", "EF BF BF    | 3", "F0 90 80 80 | 4",
        "F1 80 80 80 | 4", "F3 BF BF BF | 4", "F4 80 80 80 | 4", "F4 8F BF BF | 4",
        "80 80       | -1", "BF 80       | -1", "C0 80       | -1", "C1 BF       | -1", "C2 7F       | -1",
        "C2 C0       | -1", "E0 9F BF    | -1", "E0 A0 7F    | -1", "E0 A0 C0    | -1", "ED A0 80    | -1",
        "ED BF BF    | -1", "EF C0 80    | -1", "F0 8F BF BF | -1", "F0 90 80 7F | -1", "F0 90 7F 80 | -1",
        "F4 90 80 80 | -1", "F5 80 80 80 | -1", "FF 80 80 80 | -1", "E1 7F 80    | -1"})
    void utf8Sequences(String hex, int end) {
        String[] parts = hex.split(" ");
        int[] b = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            b[i] = Integer.parseInt(parts[i], 16);
        }
        assertThat(over(bytes(b)).utf8(0)).isEqualTo(end);
    }

    @Test
    void aSequenceCutByTheLimitIsNotPlain() {
        PlainJson two = over(bytes(0xC2, 0x80));
        two.limit = 1;
        assertThat(two.utf8(0)).isEqualTo(-1);
        PlainJson four = over(bytes(0xF0, 0x90, 0x80, 0x80));
        four.limit = 3;
        assertThat(four.utf8(0)).isEqualTo(-1);
        four.limit = 4;
        assertThat(four.utf8(0)).isEqualTo(4);
        assertThat(over(bytes('a', 0xC3, 0xA9, '"')).string(0)).isEqualTo(4);
        assertThat(over(bytes('a', 0xC3, '"')).string(0)).isEqualTo(-1);
    }

    // --- the word-at-a-time scans ---

    /** The index of the first byte a string reader must look at: a quote, a backslash, control or non-ASCII. */
    private static int firstSpecial(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            int c = b[i] & 0xFF;
            if (c == '"' || c == '\\' || c < 0x20 || c >= 0x80) {
                return i;
            }
        }
        return to;
    }

    @Test
    void specialsFlagsTheFirstSpecialByteOfAWordExactly() {
        Random random = new Random(20);
        byte[] alphabet = bytes('"', '\\', 0x00, 0x1f, 0x20, 0x21, '!', '#', '[', ']', 0x7f, 0x80, 0xff, 'a', 'z', '0');
        for (int round = 0; round < 50_000; round++) {
            byte[] w = new byte[8];
            for (int k = 0; k < 8; k++) {
                w[k] = random.nextInt(3) == 0 ? alphabet[random.nextInt(alphabet.length)] : (byte) ('a' + random.nextInt(26));
            }
            long flags = PlainJson.specials(ByteWords.word(w, 0));
            int first = firstSpecial(w, 0, 8);
            if (first == 8) {
                assertThat(flags).isZero();
            } else {
                assertThat(Long.numberOfTrailingZeros(flags) >>> 3).isEqualTo(first);
            }
        }
    }

    @Test
    void everyByteValueIsFlaggedOrNotAsItShouldBe() {
        for (int c = 0; c < 256; c++) {
            for (int at = 0; at < 8; at++) {
                byte[] w = "abcdefgh".getBytes(StandardCharsets.US_ASCII);
                w[at] = (byte) c;
                long flags = PlainJson.specials(ByteWords.word(w, 0));
                boolean special = c == '"' || c == '\\' || c < 0x20 || c >= 0x80;
                assertThat(flags == 0 ? 8 : Long.numberOfTrailingZeros(flags) >>> 3).as("byte %d at %d", c, at)
                        .isEqualTo(special ? at : 8);
            }
        }
    }

    @Test
    void plainRunStopsAtTheFirstSpecialByteWordByWordAndInTheTail() {
        Random random = new Random(21);
        byte[] alphabet = bytes('"', '\\', 0x1f, 0x20, 0x7f, 0x80, 'a', 'b', 'c', 'd', 'e', 'f');
        for (int round = 0; round < 20_000; round++) {
            int n = random.nextInt(30);
            byte[] b = new byte[n];
            for (int k = 0; k < n; k++) {
                b[k] = random.nextInt(6) == 0 ? alphabet[random.nextInt(alphabet.length)] : (byte) 'x';
            }
            PlainJson j = over(b);
            int from = n == 0 ? 0 : random.nextInt(n + 1);
            assertThat(j.plainRun(from)).isEqualTo(firstSpecial(b, from, n));
        }
    }

    // --- keys of up to 15 plain bytes are read as words ---

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 7, 8, 9, 15})
    void shortKeysEndAtTheirQuote(int len) {
        String key = "abcdefghijklmnop".substring(0, len);
        PlainJson j = over(key + "\":1,\"xxxxxxxxxxxxxxxxxxxx\":2}");
        assertThat(j.shortKeyEnd(0)).isEqualTo(len);
        byte[] padded = new byte[16];
        System.arraycopy(key.getBytes(StandardCharsets.US_ASCII), 0, padded, 0, len);
        assertThat(j.keyHead).as("the key's first eight bytes, zero beyond it")
                .isEqualTo(ByteWords.word(padded, 0));
        if (len >= 8) {
            byte[] tail = new byte[8];
            byte[] k = key.getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(k, len - 8, tail, 0, 8);
            assertThat(j.keyTail).as("the key's last eight bytes").isEqualTo(ByteWords.word(tail, 0));
        } else {
            assertThat(j.keyTail).isZero();
        }
    }

    @Test
    void otherKeysAreLeftToTheStringReader() {
        assertThat(over("abcdefghijklmnop\":1,\"xxxxxxxxxxxxxxxx\":2}").shortKeyEnd(0)).as("16 bytes").isEqualTo(-1);
        assertThat(over("ab\\\"c\":1,\"xxxxxxxxxxxxxxxxxxxxx\":2}").shortKeyEnd(0)).as("escaped").isEqualTo(-1);
        assertThat(over("abcdefghij\\\"c\":1,\"xxxxxxxxxxxxxxx\":2}").shortKeyEnd(0)).as("escaped late").isEqualTo(-1);
        assertThat(over("ab\":1}").shortKeyEnd(0)).as("too near the end for two words").isEqualTo(-1);
        PlainJson exact = over("abcdefghijklmn\":");
        assertThat(exact.shortKeyEnd(0)).as("two words fit exactly").isEqualTo(14);
        assertThat(over("abcdefghijklmn\"").shortKeyEnd(0)).isEqualTo(-1);
        assertThat(over(bytes('a', 0x01, '"', 'x', 'x', 'x', 'x', 'x', 'x', 'x', 'x', 'x', 'x', 'x', 'x', 'x'))
                .shortKeyEnd(0)).as("a control byte").isEqualTo(-1);
        assertThat(over(bytes('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 0xC3, 0xA9, '"', 'x', 'x', 'x', 'x'))
                .shortKeyEnd(0)).as("non-ASCII in the second word").isEqualTo(-1);
    }
}
