package dev.poolscope.report.chart.png;

import dev.poolscope.analysis.Diagnosis;
import dev.poolscope.report.chart.ChartKind;
import dev.poolscope.report.chart.Polyline;
import dev.poolscope.report.chart.Surface;
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
     * Paints a small specimen of everything a chart holds (every printable ASCII character and the labels'
     * "≤" and "−" in each text style, upright and turned, a series, a mark, dashes) and encodes a tiny
     * picture: that loads Java2D and its native libraries, sets up the fonts and fills the glyph caches the
     * charts draw from, while the log is still read. Painting the four charts of a made-up diagnosis did the
     * same at twice the cost, most of it filling full-size canvases the JIT compiles anyway once they are
     * hot (issue 15.4).
     */
    public static void prime() {
        BufferedImage image = new BufferedImage(ChartKind.WIDTH, 120, BufferedImage.TYPE_INT_RGB);
        RasterSurface s = new RasterSurface(image);
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
