package dev.poolscope.report.chart.png;

import static org.assertj.core.api.Assertions.assertThat;

import dev.poolscope.analysis.Analysis;
import dev.poolscope.analysis.AnalysisOptions;
import dev.poolscope.analysis.Diagnosis;
import dev.poolscope.analysis.InputSummary;
import dev.poolscope.report.chart.ChartColours;
import dev.poolscope.report.chart.ChartKind;
import dev.poolscope.testing.Golden;
import dev.poolscope.testing.Scenarios;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The PNG charts are the SVG charts painted into pixels: the same shapes at the same coordinates. The
 * positions below are the ones ChartKindTest works out by hand for golden/small-incident (80.1 s over a
 * plot from x 64 to 936; left axis 0..90 and right axis 0..2 over y 340 up to 40).
 */
class ChartImagesTest {
    private static Diagnosis d;

    @BeforeAll
    static void analyze() throws Exception {
        d = Golden.diagnose("small-incident");
    }

    private static BufferedImage png(ChartKind kind, Diagnosis diagnosis) throws IOException {
        byte[] bytes = new ChartImages(diagnosis).png(kind);
        return ImageIO.read(new ByteArrayInputStream(bytes));
    }

    private static int rgb(String hex) {
        return Integer.parseInt(hex.substring(1), 16);
    }

    private static boolean close(int a, int b, int tolerance) {
        for (int shift = 0; shift <= 16; shift += 8) {
            if (Math.abs(((a >> shift) & 0xff) - ((b >> shift) & 0xff)) > tolerance) {
                return false;
            }
        }
        return true;
    }

    @Test
    void marksAndWindowsArePaintedWhereTheSvgPutsThem() throws IOException {
        BufferedImage img = png(ChartKind.POOL_USAGE, d);
        assertThat(img.getWidth()).isEqualTo(ChartKind.WIDTH);
        assertThat(img.getHeight()).isEqualTo(ChartKind.HEIGHT);
        // The failed getconn's square (count 1 of 2 on the right axis, at 3 s) and the timeout's circle (at 6 s).
        assertThat(img.getRGB((int) Math.round(64 + 3 / 80.1 * 872), 190) & 0xffffff).isEqualTo(rgb(ChartColours.FAILED));
        assertThat(img.getRGB((int) Math.round(64 + 6 / 80.1 * 872), 190) & 0xffffff).isEqualTo(rgb(ChartColours.TIMEOUT));
        // Inside the window (1 s to 4 s), above every line: the window's red at 48/255 over white.
        int shade = img.getRGB((int) Math.round(64 + 2.5 / 80.1 * 872), 60) & 0xffffff;
        int r = 255 - Math.round((255 - 0xc6) * 48 / 255f);
        int gb = 255 - Math.round((255 - 0x28) * 48 / 255f);
        assertThat(close(shade, (r << 16) | (gb << 8) | gb, 2)).as("window shade %06x", shade).isTrue();
        // Outside the plot, under the legend's baseline, the canvas is white.
        assertThat(img.getRGB(2, 2) & 0xffffff).isEqualTo(0xffffff);
    }

    /** Every point of the pool-used line in the SVG is a pool-used pixel in the PNG, but where a later mark covers it. */
    @Test
    void thePoolUsedLineFollowsTheSvgPath() throws IOException {
        BufferedImage img = png(ChartKind.POOL_USAGE, d);
        String svg = ChartKind.POOL_USAGE.svg(d);
        Matcher group = Pattern.compile("data-name=\"pool used \\(max per bucket\\)\"><path d=\"([^\"]+)\"").matcher(svg);
        assertThat(group.find()).isTrue();
        Matcher point = Pattern.compile("[ML](-?[0-9.]+),(-?[0-9.]+)").matcher(group.group(1));
        int points = 0;
        int matched = 0;
        while (point.find()) {
            points++;
            int x = (int) Math.floor(Double.parseDouble(point.group(1)));
            int y = (int) Math.floor(Double.parseDouble(point.group(2)));
            if (close(img.getRGB(x, y) & 0xffffff, rgb(ChartColours.USED), 40)) {
                matched++;
            }
        }
        assertThat(points).isGreaterThan(20);
        assertThat(matched).as("%d of %d points", matched, points).isGreaterThanOrEqualTo(points * 9 / 10);
    }

    @Test
    void textIsPainted() throws IOException {
        BufferedImage img = png(ChartKind.POOL_USAGE, d);
        // The title, 16 px bold, centred at x 500 with its baseline at y 26.
        assertThat(inkIn(img, 400, 10, 600, 28)).isGreaterThan(100);
        assertThat(inkIn(img, 0, 0, 300, 28)).isZero();
        // The vertical "connections" label at x 16, centred on the plot: taller than wide.
        assertThat(inkIn(img, 8, 150, 20, 230)).isGreaterThan(50);
    }

    @Test
    void anEmptyLogSaysSoAndHostileNamesAreJustText() throws IOException {
        Diagnosis empty = new Analysis(AnalysisOptions.defaults()).finish(new InputSummary(List.of("x"), 0, 0, 0, List.of()));
        for (ChartKind kind : ChartKind.values()) {
            BufferedImage img = png(kind, empty);
            assertThat(inkIn(img, 300, 170, 700, 200)).as("%s says it has no data", kind).isGreaterThan(50);
        }
        BufferedImage hostile = png(ChartKind.ENDPOINT_LEAKS, Scenarios.HOSTILE.diagnose());
        assertThat(inkIn(hostile, 0, 40, 450, 340)).isGreaterThan(100);
    }

    @Test
    void sameInputGivesSameBytes() {
        for (ChartKind kind : ChartKind.values()) {
            assertThat(new ChartImages(d).png(kind)).as("%s", kind).isEqualTo(new ChartImages(d).png(kind));
        }
    }

    /** drawAll paints the charts in turn on one canvas: nothing of one may show in the next. */
    @Test
    void chartsDrawnInTurnOnOneCanvasAreTheChartsDrawnAlone() {
        ChartImages together = new ChartImages(d);
        together.drawAll(List.of(ChartKind.values()));
        together.drawAll(List.of(ChartKind.POOL_USAGE));   // asked for again: drawn once
        for (ChartKind kind : ChartKind.values()) {
            assertThat(together.png(kind)).as(kind.baseName()).isEqualTo(new ChartImages(d).png(kind));
        }
    }

    @Test
    void dashArraysAndColoursAreReadAsSvgWritesThem() {
        assertThat(RasterSurface.dashes("6 4")).containsExactly(6f, 4f);
        assertThat(RasterSurface.dashes(null)).isNull();
        assertThat(RasterSurface.colour("#1f6fb4").getRGB() & 0xffffff).isEqualTo(0x1f6fb4);
    }

    /** Pixels darker than light grey in the box [x0, x1) × [y0, y1). */
    private static int inkIn(BufferedImage img, int x0, int y0, int x1, int y1) {
        int n = 0;
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                int p = img.getRGB(x, y);
                if (((p >> 16) & 0xff) < 128 && ((p >> 8) & 0xff) < 128 && (p & 0xff) < 128) {
                    n++;
                }
            }
        }
        return n;
    }
}
