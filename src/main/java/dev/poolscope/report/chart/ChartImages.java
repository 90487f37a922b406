package dev.poolscope.report.chart;

import dev.poolscope.analysis.Diagnosis;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletionException;

/**
 * Draws each chart of one diagnosis at most once per format, so {@code --charts} and {@code --chart} share
 * the work (the HTML page draws its own SVG charts, report.html). {@link #drawAll} draws several at once on the common pool: the reading is over by then, so
 * every core is free, and separate charts share no drawing state.
 */
public final class ChartImages {
    private record Key(ChartKind kind, ChartFormat format) {}

    private final Diagnosis diagnosis;
    private final Map<Key, CompletableFuture<byte[]>> drawn = new ConcurrentHashMap<>();

    public ChartImages(Diagnosis diagnosis) {
        this.diagnosis = diagnosis;
    }

    public byte[] bytes(ChartKind kind, ChartFormat format) {
        CompletableFuture<byte[]> f = drawn.computeIfAbsent(new Key(kind, format),
                k -> CompletableFuture.completedFuture(draw(kind, format)));
        try {
            return f.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    /** Starts drawing these kinds in this format on other threads; {@link #bytes} then waits for each. */
    public void drawAll(List<ChartKind> kinds, ChartFormat format) {
        for (ChartKind kind : kinds) {
            drawn.computeIfAbsent(new Key(kind, format), k -> CompletableFuture.supplyAsync(() -> draw(kind, format)));
        }
    }

    private byte[] draw(ChartKind kind, ChartFormat format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try {
            format.write(kind.build(diagnosis), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
