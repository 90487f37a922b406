package dev.poolscope.report.chart.png;

import dev.poolscope.analysis.Diagnosis;
import dev.poolscope.report.chart.ChartKind;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletionException;

/**
 * Draws each PNG chart of one diagnosis at most once, so {@code --charts} and {@code --chart} share the
 * work. {@link #drawAll} draws several at once on other threads: the reading is over by then, so every
 * core is free, and separate charts share no drawing state.
 */
public final class ChartImages {
    private final Diagnosis diagnosis;
    private final Map<ChartKind, CompletableFuture<byte[]>> drawn = new ConcurrentHashMap<>();

    public ChartImages(Diagnosis diagnosis) {
        this.diagnosis = diagnosis;
    }

    /** The chart as PNG bytes, {@link ChartKind#WIDTH} × {@link ChartKind#HEIGHT}. */
    public byte[] png(ChartKind kind) {
        CompletableFuture<byte[]> f = drawn.computeIfAbsent(kind, k -> CompletableFuture.completedFuture(draw(kind)));
        try {
            return f.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    /** Starts drawing these kinds on other threads; {@link #png} then waits for each. */
    public void drawAll(List<ChartKind> kinds) {
        for (ChartKind kind : kinds) {
            drawn.computeIfAbsent(kind, k -> CompletableFuture.supplyAsync(() -> draw(kind)));
        }
    }

    /**
     * Paints every chart of {@code sample} and encodes one: what loads Java2D, sets up the fonts and
     * runs each drawing path once, without the cost of encoding pictures nobody keeps.
     */
    public static void prime(Diagnosis sample) {
        ChartImages images = new ChartImages(sample);
        for (ChartKind kind : ChartKind.values()) {
            BufferedImage image = images.paint(kind);
            if (kind == ChartKind.POOL_USAGE) {
                encode(image);
            }
        }
    }

    private byte[] draw(ChartKind kind) {
        return encode(paint(kind));
    }

    private BufferedImage paint(ChartKind kind) {
        BufferedImage image = new BufferedImage(ChartKind.WIDTH, ChartKind.HEIGHT, BufferedImage.TYPE_INT_RGB);
        RasterSurface surface = new RasterSurface(image);
        kind.draw(surface, diagnosis);
        surface.dispose();
        return image;
    }

    private static byte[] encode(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try {
            PngEncoder.write(image, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
