package dev.poolscope.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class StreamFollowerTest {
    private final List<String> seen = new ArrayList<>();
    private final LineSplitter lines = new LineSplitter(1024, new LineConsumer() {
        @Override
        public void line(byte[] buf, int off, int len, long lineNumber) {
            seen.add(new String(buf, off, len, StandardCharsets.UTF_8));
        }

        @Override
        public void overlong(long lineNumber, long length) {
            seen.add("overlong");
        }
    });

    @Test
    void handsOutWhatArrivedWithoutBlockingAndEndsWithTheStream() throws IOException, InterruptedException {
        PipedOutputStream writer = new PipedOutputStream();
        StreamFollower f = new StreamFollower(new PipedInputStream(writer, 1 << 16), lines);
        assertThat(f.poll(1 << 20)).isZero();                // nothing yet, and no waiting
        assertThat(f.ended()).isFalse();

        writer.write("one\ntw".getBytes(StandardCharsets.UTF_8));
        writer.flush();
        pollUntil(f, () -> seen.size() == 1);
        assertThat(seen).containsExactly("one");             // "tw" waits for its newline

        writer.write("o\nthree".getBytes(StandardCharsets.UTF_8));
        writer.close();
        pollUntil(f, f::ended);
        assertThat(seen).containsExactly("one", "two", "three");   // the unterminated last line counts
        assertThat(f.poll(1 << 20)).isZero();
    }

    private static void pollUntil(StreamFollower f, java.util.function.BooleanSupplier done)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!done.getAsBoolean()) {
            f.poll(1 << 20);
            assertThat(System.nanoTime()).isLessThan(deadline);
            Thread.sleep(5);
        }
    }
}
