package dev.poolscope.report.chart.png;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

/** Shapes along the pixel grid are painted by their exact area: the values below are worked out by hand. */
class RasterSurfaceTest {
    private final BufferedImage image = new BufferedImage(40, 20, BufferedImage.TYPE_INT_RGB);
    private final RasterSurface surface = new RasterSurface(image);

    private int at(int x, int y) {
        return image.getRGB(x, y) & 0xffffff;
    }

    @Test
    void theCanvasStartsWhiteAndARectangleCoversWholeAndPartPixels() {
        assertThat(at(0, 0)).isEqualTo(0xffffff);
        surface.rect(2, 3, 4.5, 2, "#000000");   // x 2..6.5, y 3..5
        assertThat(at(2, 3)).isEqualTo(0x000000);
        assertThat(at(5, 4)).isEqualTo(0x000000);
        assertThat(at(6, 4)).as("half of the pixel covered").isEqualTo(0x808080);   // 255 - 127.5, rounded
        assertThat(at(7, 4)).isEqualTo(0xffffff);
        assertThat(at(2, 5)).isEqualTo(0xffffff);
    }

    @Test
    void aShadeBlendsAtItsOpacity() {
        surface.shade(0, 0, 10, 10, "#c62828", 0.25);
        // red 255 - 0.25 × (255 - 198) = 240.75; green and blue 255 - 0.25 × (255 - 40) = 201.25
        assertThat(at(5, 5)).isEqualTo(241 << 16 | 201 << 8 | 201);
    }

    @Test
    void aDashedLineAlongAnAxisIsARowOfDashesFromItsFirstPoint() {
        surface.line(10, 5.5, 20, 5.5, "#000000", 1, "2 2");   // y 5..6; dashes x 10-12, 14-16, 18-20
        assertThat(at(10, 5)).isEqualTo(0x000000);
        assertThat(at(11, 5)).isEqualTo(0x000000);
        assertThat(at(12, 5)).isEqualTo(0xffffff);
        assertThat(at(13, 5)).isEqualTo(0xffffff);
        assertThat(at(14, 5)).isEqualTo(0x000000);
        assertThat(at(19, 5)).isEqualTo(0x000000);
        assertThat(at(20, 5)).isEqualTo(0xffffff);
        assertThat(at(11, 4)).isEqualTo(0xffffff);
        assertThat(at(11, 6)).isEqualTo(0xffffff);
    }

    @Test
    void aThinLineCoversTwoPixelColumnsByAQuarterEach() {
        surface.line(30, 18, 30, 2, "#000000", 0.5, null);   // x 29.75..30.25, drawn upwards
        assertThat(at(29, 10)).isEqualTo(0xbfbfbf);   // 255 - 0.25 × 255 = 191.25
        assertThat(at(30, 10)).isEqualTo(0xbfbfbf);
        assertThat(at(29, 1)).isEqualTo(0xffffff);
        assertThat(at(29, 18)).isEqualTo(0xffffff);
        assertThat(at(31, 10)).isEqualTo(0xffffff);
    }

    @Test
    void shapesPastTheCanvasAreClipped() {
        surface.rect(-5, -5, 100, 100, "#123456");
        assertThat(at(0, 0)).isEqualTo(0x123456);
        assertThat(at(39, 19)).isEqualTo(0x123456);
    }

    @Test
    void mixWeighsEachChannel() {
        assertThat(RasterSurface.mix(0xffffff, 0x000000, 0.5)).isEqualTo(0x808080);
        assertThat(RasterSurface.mix(0x102030, 0x102030, 0.3)).isEqualTo(0x102030);
        assertThat(RasterSurface.mix(0x000000, 0xff0000, 1)).isEqualTo(0xff0000);
    }
}
