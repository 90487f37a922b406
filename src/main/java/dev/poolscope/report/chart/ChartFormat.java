package dev.poolscope.report.chart;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;

/** How a chart is written: PNG through {@link PngEncoder}, SVG through JFreeSVG; both at a fixed size. */
public enum ChartFormat {
    PNG("png"), SVG("svg");

    private final String extension;

    ChartFormat(String extension) {
        this.extension = extension;
    }

    public String extension() {
        return extension;
    }

    /** The format a file name asks for by its extension, if it names one. */
    public static Optional<ChartFormat> ofFileName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (ChartFormat f : values()) {
            if (lower.endsWith("." + f.extension)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    public void write(JFreeChart chart, OutputStream out) throws IOException {
        if (this == PNG) {
            BufferedImage image = chart.createBufferedImage(ChartStyle.WIDTH, ChartStyle.HEIGHT,
                    BufferedImage.TYPE_INT_RGB, null);
            PngEncoder.write(image, out);
        } else {
            out.write(svg(chart).getBytes(StandardCharsets.UTF_8));
        }
        out.flush();
    }

    private static String svg(JFreeChart chart) {
        SVGGraphics2D g = new SVGGraphics2D(ChartStyle.WIDTH, ChartStyle.HEIGHT);
        // The default prefix includes System.nanoTime(); a fixed one keeps the bytes reproducible.
        g.setDefsKeyPrefix("poolscope");
        chart.draw(g, new Rectangle(ChartStyle.WIDTH, ChartStyle.HEIGHT));
        return g.getSVGDocument();
    }
}
