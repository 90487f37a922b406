package dev.poolscope.report.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

class ChartCanvasTest {
    private static Element label(SvgXml svg, String text) {
        return svg.elements("text").stream().filter(t -> t.getTextContent().equals(text)).findFirst().orElseThrow();
    }

    /**
     * Levels of 80 and 70 on an axis of 0..1600 are 300 × 10 / 1600 = 1.9 px apart: the lower one's label moves
     * left of the upper one's. "pool max 80" is 11 characters, 72.6 px wide, ending at 976 − 4 = 972; so
     * "critical > 70" ends 10 px before 972 − 72.6. "normal ≤ 10" is 60 × 300 / 1600 = 11.3 px under 70,
     * closer than a line of text, but no longer beside it: it stays at the edge.
     */
    @Test
    void levelLabelsCloserThanALineOfTextMoveLeft() {
        SvgSurface out = new SvgSurface(ChartCanvas.WIDTH, ChartCanvas.HEIGHT, "t");
        ChartCanvas c = new ChartCanvas(out, "t", ChartCanvas.LEFT, ChartCanvas.RIGHT);
        Scale y = Scale.counts(0, 1400, ChartCanvas.BOTTOM, ChartCanvas.TOP, 8);
        assertThat(y.hi()).isEqualTo(1600);   // 1400 is a tick of 200: one more step
        c.level(y, 10, "normal ≤ 10", "#2e7d32", true);
        c.level(y, 80, "pool max 80", "#424242", false);
        c.level(y, 70, "critical > 70", "#c62828", true);
        c.frame(false);
        SvgXml svg = SvgXml.parse(out.finish());
        assertThat(svg.num(label(svg, "pool max 80"), "x")).isEqualTo(972);
        assertThat(svg.num(label(svg, "critical > 70"), "x")).isEqualTo(889.4);
        assertThat(svg.num(label(svg, "normal ≤ 10"), "x")).isEqualTo(972);
        // Each label 4 px above its line; the lines under the data, the labels drawn after it.
        assertThat(svg.num(label(svg, "pool max 80"), "y")).isEqualTo(340 - 80 * 300 / 1600.0 - 4);
        assertThat(svg.groups("level")).hasSize(3);
    }

    @Test
    void legendEntriesAreCentredAndMarked() {
        SvgSurface out = new SvgSurface(ChartCanvas.WIDTH, ChartCanvas.HEIGHT, "t");
        ChartCanvas c = new ChartCanvas(out, "t", ChartCanvas.LEFT, ChartCanvas.RIGHT);
        c.legend(List.of(new ChartCanvas.Key("ab", "#111111", ChartCanvas.Mark.LINE),
                new ChartCanvas.Key("cde", "#222222", ChartCanvas.Mark.CIRCLE)));
        SvgXml svg = SvgXml.parse(out.finish()).groups("legend").get(0);
        // Widths 22 + 2 × 6.6 + 18 = 53.2 and 22 + 3 × 6.6 + 18 = 59.8: 113 in all, from (1000 − 113) / 2 = 443.5.
        assertThat(svg.elements("line")).singleElement().satisfies(l -> assertThat(svg.num(l, "x1")).isEqualTo(443.5));
        assertThat(svg.elements("circle")).singleElement()
                .satisfies(e -> assertThat(svg.num(e, "cx")).isEqualTo(443.5 + 53.2 + 9));
        assertThat(svg.texts()).containsExactly("ab", "cde");
    }
}
