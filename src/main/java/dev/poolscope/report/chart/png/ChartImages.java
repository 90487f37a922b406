package dev.poolscope.report.chart.png;

import dev.poolscope.analysis.Diagnosis;
import dev.poolscope.report.chart.ChartKind;
import dev.poolscope.report.chart.Polyline;
import dev.poolscope.report.chart.Surface;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletionException;

/**
 * Draws each PNG chart of one diagnosis at most once, so {@code --charts} and {@code --chart} share the
 * work. {@link #drawAll} draws them on another thread, one after the other on one canvas, while the caller
 * writes the other files. One canvas (3.4 MB of pixels and cover) instead of one per chart at once: with
 * four alive, on a 1 GB log, the collector copied them out of the young generation and then ran a full
 * collection, 130 ms with every thread stopped (issue 15.4).
 */
public final class ChartImages {
    private final Diagnosis diagnosis;
    private final Map<ChartKind, CompletableFuture<byte[]>> drawn = new ConcurrentHashMap<>();

    public ChartImages(Diagnosis diagnosis) {
        this.diagnosis = diagnosis;
    }

    /** The chart as PNG bytes, {@link ChartKind#WIDTH} × {@link ChartKind#HEIGHT}. */
    public byte[] png(ChartKind kind) {
        CompletableFuture<byte[]> f = drawn.computeIfAbsent(kind,
                k -> CompletableFuture.completedFuture(draw(kind, canvas(), new StrokeMask(ChartKind.WIDTH,
                        ChartKind.HEIGHT))));
        try {
            return f.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    /** Starts drawing these kinds, in turn, on another thread; {@link #png} then waits for each. */
    public void drawAll(List<ChartKind> kinds) {
        Map<ChartKind, CompletableFuture<byte[]>> mine = new LinkedHashMap<>();
        for (ChartKind kind : kinds) {
            CompletableFuture<byte[]> f = new CompletableFuture<>();
            if (drawn.putIfAbsent(kind, f) == null) {
                mine.put(kind, f);
            }
        }
        if (mine.isEmpty()) {
            return;   // all asked for already
        }
        CompletableFuture.runAsync(() -> {
            try {
                BufferedImage image = canvas();
                StrokeMask mask = new StrokeMask(ChartKind.WIDTH, ChartKind.HEIGHT);
                mine.forEach((kind, f) -> f.complete(draw(kind, image, mask)));
            } catch (RuntimeException | Error e) {
                mine.values().forEach(f -> f.completeExceptionally(e));   // those drawn already keep their bytes
            }
        });
    }

    /**
     * Paints a small specimen of everything a chart holds (every printable ASCII character and the labels'
     * "≤" and "−" in each text style, upright and turned, a series, a mark, dashes) and encodes a tiny
     * picture: that loads Java2D and its native libraries, sets up the fonts and fills the glyph caches the
     * charts draw from, while the log is still read. Painting the four charts of a made-up diagnosis did the
     * same at twice the cost, most of it filling full-size canvases the JIT compiles anyway once they are
     * hot (issue 15.4).
     */
    public static void prime() {
        BufferedImage image = new BufferedImage(ChartKind.WIDTH, 120, BufferedImage.TYPE_INT_RGB);
        RasterSurface s = new RasterSurface(image, new StrokeMask(image.getWidth(), image.getHeight()));
        StringBuilder glyphs = new StringBuilder("≤−");
        for (char c = ' '; c <= '~'; c++) {
            glyphs.append(c);
        }
        String text = glyphs.toString();
        s.text(2, 20, text, "start", "#333333", Surface.TextStyle.PLAIN);
        s.text(2, 40, text, "start", "#333333", Surface.TextStyle.TITLE);
        s.text(2, 60, text, "start", "#333333", Surface.TextStyle.HALO);
        s.verticalText(990, 60, text.substring(0, 40), "#333333");
        s.shade(0, 70, 100, 40, "#c62828", 0.19);
        s.line(0, 90, 200, 90, "#cccccc", 0.5, "2 2");
        s.polyline(new Polyline().to(0, 110).to(50, 75).to(100, 100), "#1f77b4", 2);
        s.circle(150, 100, 4, "#6a1b9a");
        s.dispose();
        encode(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB));
    }

    private static BufferedImage canvas() {
        return new BufferedImage(ChartKind.WIDTH, ChartKind.HEIGHT, BufferedImage.TYPE_INT_RGB);
    }

    /** Paints the chart on {@code image} (painted white first) and encodes it; {@code mask} is left empty. */
    private byte[] draw(ChartKind kind, BufferedImage image, StrokeMask mask) {
        RasterSurface surface = new RasterSurface(image, mask);
        kind.draw(surface, diagnosis);
        surface.dispose();
        return encode(image);
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
