package dev.poolscope.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Broken-input cases of the line splitter beyond LineReaderTest's, each read in every ReadMode (issue #6). */
class LineReaderRobustnessTest {
    private static final int LIMIT = 64;

    private static Lines read(ReadMode mode, String latin1) throws IOException {
        return read(mode, latin1.getBytes(StandardCharsets.ISO_8859_1), LIMIT);
    }

    private static Lines read(ReadMode mode, byte[] bytes, int limit) throws IOException {
        Lines lines = new Lines();
        long count = new LineReader(limit).read(mode.stream(bytes), lines);
        assertThat(count).as("returned line count").isEqualTo(lines.seen.size());
        return lines;
    }

    @ParameterizedTest
    @EnumSource(ReadMode.class)
    void aByteOrderMarkLaterInTheFileIsLeftToTheDecoder(ReadMode mode) throws IOException {
        // e.g. two files joined with cat: only the stream's first bytes are checked
        assertThat(read(mode, "a\n\u00ef\u00bb\u00bfb\n").seen).containsExactly("1:a", "2:\u00ef\u00bb\u00bfb");
    }

    @ParameterizedTest
    @EnumSource(ReadMode.class)
    void nulAndInvalidUtf8BytesPassThroughUntouched(ReadMode mode) throws IOException {
        // Splitting is byte-level: deciding what such bytes mean is the decoder's job.
        assertThat(read(mode, "\u0000\u0000{}\n\u00ff\u00fe\n").seen).containsExactly("1:\u0000\u0000{}", "2:\u00ff\u00fe");
    }

    @ParameterizedTest
    @EnumSource(ReadMode.class)
    void overlongLinesAreCountedWithTheirLengthAndTheRestIsRead(ReadMode mode) throws IOException {
        String huge = "h".repeat(LIMIT * 10 + 7);
        assertThat(read(mode, "a\n" + huge + "\nb\n" + huge).seen)
                .containsExactly("1:a", "2:OVERLONG(" + huge.length() + ")", "3:b", "4:OVERLONG(" + huge.length() + ")");
    }

    /**
     * A 40 MiB line streamed from a generator that never holds it: the reader must skip it with a
     * buffer no larger than the limit, and allocate nowhere near the line's size. One byte per read
     * also guards against rescanning the pending line on every read (that took 230 s, now about 1 s).
     */
    @Timeout(30)
    @ParameterizedTest
    @EnumSource(ReadMode.class)
    void aFortyMegabyteLineIsSkippedWithoutBeingHeld(ReadMode mode) throws IOException {
        int limit = 1 << 20;
        long hugeLength = 40L << 20;
        byte[] tail = "\n{\"event\":\"after\"}\n".getBytes(StandardCharsets.US_ASCII);
        InputStream in = new GeneratedInput(hugeLength, tail);
        if (mode != ReadMode.WHOLE) {
            in = new ThrottledInputStream(in, mode == ReadMode.ONE_BYTE ? 1 : 7);
        }
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        Lines lines = new Lines();
        new LineReader(limit).read(in, lines);
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;

        assertThat(lines.seen).containsExactly("1:OVERLONG(" + hugeLength + ")", "2:{\"event\":\"after\"}");
        assertThat(lines.largestBuffer).isLessThanOrEqualTo(limit + 1);
        assertThat(allocated).as("bytes allocated while reading").isLessThan(4L * limit);
    }

    /** {@code length} bytes of 'x' then {@code tail}, computed on demand: the stream itself holds nothing. */
    private static final class GeneratedInput extends InputStream {
        private final long length;
        private final byte[] tail;
        private long pos;

        GeneratedInput(long length, byte[] tail) {
            this.length = length;
            this.tail = tail;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            long total = length + tail.length;
            if (pos >= total) {
                return -1;
            }
            int n = (int) Math.min(len, total - pos);
            for (int i = 0; i < n; i++, pos++) {
                b[off + i] = pos < length ? (byte) 'x' : tail[(int) (pos - length)];
            }
            return n;
        }
    }
}
