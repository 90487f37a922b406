package dev.poolscope.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every case runs whole, one byte per read and in 7-byte chunks: the split must not depend on read sizes. */
class LineReaderTest {

    /** Records each callback as {@code "n:text"} or {@code "n:overlong(len)"}. */
    private static final class Recorder implements LineConsumer {
        final List<String> seen = new ArrayList<>();

        @Override
        public void line(byte[] buf, int off, int len, long lineNumber) {
            seen.add(lineNumber + ":" + new String(buf, off, len, StandardCharsets.UTF_8));
        }

        @Override
        public void overlong(long lineNumber, long length) {
            seen.add(lineNumber + ":overlong(" + length + ")");
        }
    }

    private static List<String> read(ReadMode mode, byte[] bytes, int maxLineBytes, long expectedLines)
            throws IOException {
        Recorder r = new Recorder();
        long n = new LineReader(maxLineBytes).read(mode.stream(bytes), r);
        assertThat(n).as("lines counted").isEqualTo(expectedLines);
        return r.seen;
    }

    private static List<String> read(ReadMode mode, String text, long expectedLines) throws IOException {
        return read(mode, text.getBytes(StandardCharsets.UTF_8), 1024, expectedLines);
    }

    @ParameterizedTest
    @EnumSource(ReadMode.class)
    void splitsOnLineFeed(ReadMode mode) throws IOException {
        assertThat(read(mode, "{\"a\":1}\n{\"b\":2}\n", 2)).containsExactly("1:{\"a\":1}", "2:{\"b\":2}");
    }

    @ParameterizedTest
    @EnumSource(ReadMode.class)
    void dropsTheCarriageReturnOfCrLf(ReadMode mode) throws IOException {
        assertThat(read(mode, "one\r\ntwo\r\nthree\n", 3)).containsExactly("1:one", "2:two", "3:three");
    }

    @ParameterizedTest
    @EnumSource(ReadMode.class)
    void keepsALoneCarriageReturnInsideALine(ReadMode mode) throws IOException {
        assertThat(read(mode, "a\rb\n", 1)).containsExactly("1:a\rb");
    }

    @ParameterizedTest
    @EnumSource(ReadMode.class)
    void deliversALastLineWithoutNewline(ReadMode mode) throws IOException {
        assertThat(read(mode, "first\nlast", 2)).containsExactly("1:first", "2:last");
        assertThat(read(mode, "first\r\nlast\r", 2)).containsExactly("1:first", "2:last");
    }

    @ParameterizedTest
    @EnumSource(ReadMode.class)
    void deliversBlankLinesWithTheirNumbers(ReadMode mode) throws IOException {
        assertThat(read(mode, "\n\nx\n\r\n", 4)).containsExactly("1:", "2:", "3:x", "4:");
    }

    @ParameterizedTest
    @EnumSource(ReadMode.class)
    void emptyInputHasNoLines(ReadMode mode) throws IOException {
        assertThat(read(mode, "", 0)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(ReadMode.class)
    void stripsAByteOrderMarkFromTheFirstLineOnly(ReadMode mode) throws IOException {
        assertThat(read(mode, "\uFEFF{\"a\":1}\n\uFEFFx\n", 2)).containsExactly("1:{\"a\":1}", "2:\uFEFFx");
    }

    @ParameterizedTest
    @EnumSource(ReadMode.class)
    void byteOrderMarkAloneOrCutShortIsHandled(ReadMode mode) throws IOException {
        assertThat(read(mode, new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, 1024, 0)).isEmpty();
        assertThat(read(mode, new byte[] {(byte) 0xEF, (byte) 0xBB}, 1024, 1)).hasSize(1).first().asString()
                .startsWith("1:");
        assertThat(read(mode, "\uFEFF\n{}", 2)).containsExactly("1:", "2:{}");
        // 0xEF alone is no mark: the newline right after it still ends the first line
        assertThat(read(mode, new byte[] {(byte) 0xEF, '\n'}, 1024, 1)).containsExactly("1:\uFFFD");
        assertThat(read(mode, new byte[] {(byte) 0xEF, '\n', 'x'}, 1024, 2)).containsExactly("1:\uFFFD", "2:x");
    }

    @ParameterizedTest
    @EnumSource(ReadMode.class)
    void skipsAnOverlongLineAndKeepsTheRest(ReadMode mode) throws IOException {
        String longLine = "x".repeat(40);
        assertThat(read(mode, ("short\n" + longLine + "\nafter\n").getBytes(StandardCharsets.UTF_8), 16, 3))
                .containsExactly("1:short", "2:overlong(40)", "3:after");
    }

    @ParameterizedTest
    @EnumSource(ReadMode.class)
    void lineOfExactlyTheLimitIsKeptOneMoreIsOverlong(ReadMode mode) throws IOException {
        String atLimit = "a".repeat(16);
        String over = "b".repeat(17);
        assertThat(read(mode, (atLimit + "\n" + over + "\n").getBytes(StandardCharsets.UTF_8), 16, 2))
                .containsExactly("1:" + atLimit, "2:overlong(17)");
    }

    @ParameterizedTest
    @EnumSource(ReadMode.class)
    void overlongLastLineWithoutNewline(ReadMode mode) throws IOException {
        assertThat(read(mode, ("ok\n" + "z".repeat(100)).getBytes(StandardCharsets.UTF_8), 16, 2))
                .containsExactly("1:ok", "2:overlong(100)");
    }

    @ParameterizedTest
    @EnumSource(ReadMode.class)
    void manyLinesAcrossBufferBoundariesArriveIntact(ReadMode mode) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        List<String> expected = new ArrayList<>();
        for (int i = 1; i <= 2000; i++) {
            String line = "{\"n\":" + i + ",\"pad\":\"" + "p".repeat(i % 97) + "\"}";
            bytes.writeBytes((line + (i % 3 == 0 ? "\r\n" : "\n")).getBytes(StandardCharsets.UTF_8));
            expected.add(i + ":" + line);
        }
        assertThat(read(mode, bytes.toByteArray(), 128, 2000)).containsExactlyElementsOf(expected);
    }

    @ParameterizedTest
    @EnumSource(ReadMode.class)
    void lineLongerThanTheInitialBufferGrowsIt(ReadMode mode) throws IOException {
        String big = "{\"pad\":\"" + "q".repeat(3 << 20) + "\"}";
        List<String> seen = read(mode, (big + "\n{}\n").getBytes(StandardCharsets.UTF_8), 4 << 20, 2);
        assertThat(seen).hasSize(2);
        assertThat(seen.get(0)).isEqualTo("1:" + big);
        assertThat(seen.get(1)).isEqualTo("2:{}");
    }
}
