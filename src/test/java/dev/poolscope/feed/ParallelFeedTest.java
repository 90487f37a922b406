package dev.poolscope.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.poolscope.analysis.InputTally;
import dev.poolscope.event.EventDecoder;
import dev.poolscope.event.EventNames;
import dev.poolscope.event.FieldMapping;
import dev.poolscope.event.LineSalvage;
import dev.poolscope.event.PoolEvent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The parallel feed hands every line to the analysis once, in input order, and never swallows a failure. */
class ParallelFeedTest {
    private final ExecutorService pool = Executors.newFixedThreadPool(3, r -> {
        Thread t = new Thread(r, "test-decoder");
        t.setDaemon(true);
        return t;
    });

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    @Test
    @Timeout(60)
    void everyLineArrivesOnceInInputOrder() throws Exception {
        List<Long> seen = new ArrayList<>();
        InputTally tally = new InputTally();
        ParallelFeed feed = feed(e -> seen.add(e.line()), tally);
        int lines = 50_000;
        feedLines(feed, lines);
        assertThat(seen).hasSize(lines);
        for (int i = 0; i < lines; i++) {
            assertThat(seen.get(i)).isEqualTo(i + 1L);
        }
        assertThat(tally.lines()).isEqualTo(lines);
    }

    @Test
    @Timeout(60)
    void aFailingAnalysisReachesTheReaderInsteadOfHangingIt() {
        IllegalStateException failure = new IllegalStateException("analysis broke at line 7000");
        assertThatThrownBy(() -> feedLines(failingAt(7_000, failure), 50_000)).isSameAs(failure);
    }

    /** Main turns an out-of-memory into one line and exit 4: it must arrive as itself, not wrapped. */
    @Test
    @Timeout(60)
    void anOutOfMemoryOnAnyThreadReachesTheReaderAsItself() {
        OutOfMemoryError failure = new OutOfMemoryError("test");
        assertThatThrownBy(() -> feedLines(failingAt(3_000, failure), 50_000)).isSameAs(failure);
    }

    /** A feed whose analysis throws {@code failure} (unchecked) at the event of line {@code line}. */
    private ParallelFeed failingAt(long line, Throwable failure) {
        return feed(e -> {
            if (e.line() == line) {
                if (failure instanceof Error error) {
                    throw error;
                }
                throw (RuntimeException) failure;
            }
        }, new InputTally());
    }

    /** Lines 1..n of one input, then the end of it. */
    private static void feedLines(ParallelFeed feed, int n) throws InterruptedException {
        feed.source("log", "log", true);
        for (int i = 1; i <= n; i++) {
            byte[] b = line(i);
            feed.line(b, 0, b.length, i);
        }
        feed.finish();
    }

    private ParallelFeed feed(Consumer<PoolEvent> sink, InputTally tally) {
        EventDecoder main = decoder();
        LineSalvage salvage = new LineSalvage(main, Pipeline.FACTORY);
        return new ParallelFeed(pool, 3, () -> new Decoders(decoder(), ParallelFeedTest::decoder), sink, tally, salvage,
                salvage);
    }

    private static EventDecoder decoder() {
        return new EventDecoder(Pipeline.FACTORY, FieldMapping.defaults(), EventNames.defaults());
    }

    private static byte[] line(int i) {
        return ("{\"event\": \"pool.getconn.success\", \"request_id\": \"r" + i + "\", \"pid\": 1, "
                + "\"timestamp\": \"2026-01-01T00:00:00Z\"}").getBytes(StandardCharsets.UTF_8);
    }
}
