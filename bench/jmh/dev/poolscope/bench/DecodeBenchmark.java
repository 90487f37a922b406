package dev.poolscope.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import dev.poolscope.analysis.Analysis;
import dev.poolscope.analysis.AnalysisOptions;
import dev.poolscope.event.EventDecoder;
import dev.poolscope.event.EventNames;
import dev.poolscope.event.FieldMapping;
import dev.poolscope.event.MalformedLineException;
import dev.poolscope.event.PoolEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * One pass over a log held in memory (no I/O): jackson tokens alone as the floor a jackson-only decoder
 * cannot beat, the decoder with and without the pre-filter, and decoding plus the whole analysis.
 * Score: nanoseconds per pass; divide by the line count printed at setup for ns per line.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-XX:+UseSerialGC", "-Xmx512m"})
public class DecodeBenchmark {
    @Param("src/test/resources/fixtures/real-structlog/app.jsonl")
    public String log;

    private final JsonFactory factory = new JsonFactory();
    private byte[] data;
    private int[] starts;
    private int[] ends;
    private int lines;

    @Setup
    public void load() throws IOException {
        data = Files.readAllBytes(Path.of(log));
        starts = new int[data.length / 16 + 1];
        ends = new int[starts.length];
        int from = 0;
        for (int i = 0; i < data.length; i++) {
            if (data[i] == '\n') {
                starts[lines] = from;
                ends[lines++] = i;
                from = i + 1;
            }
        }
        System.out.printf("%n%s: %d lines, %d bytes%n", log, lines, data.length);
    }

    @Benchmark
    public long jacksonTokensOnly() throws IOException {
        long tokens = 0;
        for (int i = 0; i < lines; i++) {
            try (JsonParser p = factory.createParser(data, starts[i], ends[i] - starts[i])) {
                while (p.nextToken() != null) {
                    tokens++;
                }
            }
        }
        return tokens;
    }

    @Benchmark
    public void decodeWithPrefilter(Blackhole bh) {
        decodeAll(new EventDecoder(factory, FieldMapping.defaults(), EventNames.defaults(), true), bh);
    }

    @Benchmark
    public void decodeJacksonOnly(Blackhole bh) {
        decodeAll(new EventDecoder(factory, FieldMapping.defaults(), EventNames.defaults(), false), bh);
    }

    @Benchmark
    public Object decodeAndAnalyze() {
        EventDecoder decoder = new EventDecoder(factory, FieldMapping.defaults(), EventNames.defaults(), true);
        Analysis analysis = new Analysis(AnalysisOptions.defaults());
        for (int i = 0; i < lines; i++) {
            try {
                analysis.accept(decoder.decode(data, starts[i], ends[i] - starts[i], "bench", i + 1));
            } catch (MalformedLineException e) {
                // counted by the real pipeline; nothing to do here
            }
        }
        return analysis.openCheckouts();
    }

    private void decodeAll(EventDecoder decoder, Blackhole bh) {
        for (int i = 0; i < lines; i++) {
            try {
                PoolEvent e = decoder.decode(data, starts[i], ends[i] - starts[i], "bench", i + 1);
                bh.consume(e);
            } catch (MalformedLineException e) {
                bh.consume(e);
            }
        }
    }
}
