package dev.poolscope.report.chart.png;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

/**
 * Series and circles are painted by their cover: the share of the pixel a box filter across the stroke
 * sees, each pixel painted once per shape. The values below are worked out by hand from that rule.
 */
class StrokeMaskTest {
    private final BufferedImage image = new BufferedImage(40, 20, BufferedImage.TYPE_INT_RGB);
    private final RasterSurface surface = new RasterSurface(image);

    private int at(int x, int y) {
        return image.getRGB(x, y) & 0xffffff;
    }

    @Test
    void theCoverAcrossAStrokeIsThePixelsSpanInsideIt() {
        // a pixel [d - 0.5, d + 0.5] against a stroke [-half, half]
        assertThat(StrokeMask.across(0, 0.25)).isCloseTo(0.5, within(1e-12));   // a 0.5 px stroke: half the pixel
        assertThat(StrokeMask.across(0, 1)).isEqualTo(1);
        assertThat(StrokeMask.across(1, 1)).isCloseTo(0.5, within(1e-12));   // [0.5, 1.5] against [-1, 1]
        assertThat(StrokeMask.across(1.5, 1)).isZero();
        assertThat(StrokeMask.across(0.75, 0.5)).isCloseTo(0.25, within(1e-12));   // [0.25, 1.25] against [-0.5, 0.5]
    }

    @Test
    void aButtCappedSegmentStopsAtItsEnds() {
        surface.polyline(new dev.poolscope.report.chart.Polyline().to(2, 5).to(8, 5), "#000000", 2);   // y 4..6, x 2..8
        assertThat(at(2, 4)).isEqualTo(0x000000);
        assertThat(at(7, 5)).isEqualTo(0x000000);
        assertThat(at(1, 4)).as("before the first point").isEqualTo(0xffffff);
        assertThat(at(8, 4)).as("past the last point").isEqualTo(0xffffff);
        assertThat(at(5, 3)).isEqualTo(0xffffff);
        assertThat(at(5, 6)).isEqualTo(0xffffff);
    }

    @Test
    void aJoinIsPaintedOnceNotTwice() {
        // 0.5 px wide along row 5's centre line: half of each pixel, also where the two segments meet
        surface.polyline(new dev.poolscope.report.chart.Polyline().to(2, 5.5).to(10, 5.5).to(18, 5.5), "#000000", 0.5);
        assertThat(at(5, 5)).isEqualTo(0x808080);
        assertThat(at(9, 5)).as("the join's pixels").isEqualTo(0x808080);
        assertThat(at(10, 5)).isEqualTo(0x808080);
        assertThat(at(9, 4)).isEqualTo(0xffffff);
    }

    @Test
    void aRoundJoinFillsTheOutsideOfATurn() {
        // right along y = 10.5 to (20.5, 10.5), then down: the pixel diagonally outside the corner is at
        // distance √2/2 ≈ 0.71 from it, inside the 1 px half-width of a 2 px stroke once past its centre
        surface.polyline(new dev.poolscope.report.chart.Polyline().to(10.5, 10.5).to(20.5, 10.5).to(20.5, 18.5),
                "#000000", 2);
        // pixel (21, 9): centre (21.5, 9.5), 1.41 from the corner: cover 1 - (1.41 - 0.5) = 0.09
        int corner = at(21, 9) & 0xff;
        assertThat(corner).isBetween(255 - 30, 255 - 15);   // 255 × (1 - 0.086) = 233
        assertThat(at(20, 10)).isZero();   // the corner itself
        assertThat(at(21, 10) & 0xff).as("centre 1 from both segments: the stroke's edge halves it").isEqualTo(128);
        assertThat(at(22, 8)).isEqualTo(0xffffff);
    }

    @Test
    void aDiscCoversWhatIsWithinItsRadius() {
        surface.circle(20.5, 10.5, 3, "#000000");
        assertThat(at(20, 10)).isEqualTo(0x000000);
        assertThat(at(22, 10)).isEqualTo(0x000000);   // 2 from the centre
        assertThat(at(23, 10)).as("3 from the centre: on the edge, half").isEqualTo(0x808080);
        assertThat(at(24, 10)).isEqualTo(0xffffff);
    }

    @Test
    void aSlantedSolidLineIsStrokedWithButtEnds() {
        surface.line(5.5, 5.5, 15.5, 15.5, "#000000", 2, null);
        assertThat(at(10, 10)).isEqualTo(0x000000);
        assertThat(at(3, 3)).isEqualTo(0xffffff);
        assertThat(at(17, 17)).isEqualTo(0xffffff);
        assertThat(at(14, 6)).isEqualTo(0xffffff);
    }

    @Test
    void aLabelsHaloIsWhiteAtMostAtItsOpacityAndReachesOnlyNextToTheGlyphs() {
        BufferedImage black = new BufferedImage(120, 40, BufferedImage.TYPE_INT_RGB);
        RasterSurface s = new RasterSurface(black);
        s.rect(0, 0, 120, 40, "#000000");
        s.text(10, 28, "HIH", "start", "#000000", dev.poolscope.report.chart.Surface.TextStyle.HALO);
        int brightest = 0;
        for (int y = 0; y < 40; y++) {
            for (int x = 0; x < 120; x++) {
                int p = black.getRGB(x, y) & 0xffffff;
                assertThat(p >> 16).as("grey: white over black").isEqualTo(p & 0xff);
                brightest = Math.max(brightest, p & 0xff);
            }
        }
        assertThat(brightest).as("white at 0.8 over black: 204 where a whole glyph pixel is next door")
                .isBetween(150, 204);
        // 11 px text: nothing above its top or left of its start by more than the halo's reach
        for (int x = 0; x < 120; x++) {
            assertThat(black.getRGB(x, 10) & 0xffffff).isZero();
        }
        for (int y = 0; y < 40; y++) {
            assertThat(black.getRGB(7, y) & 0xffffff).isZero();
        }
    }
}
