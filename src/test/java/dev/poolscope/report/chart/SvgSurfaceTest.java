package dev.poolscope.report.chart;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

class SvgSurfaceTest {
    private static String num(double v) {
        return SvgSurface.appendNum(new StringBuilder(), v).toString();
    }

    @Test
    void numbersHaveOneDecimalAtMostAndNoTrailingZero() {
        assertThat(num(12)).isEqualTo("12");
        assertThat(num(12.5)).isEqualTo("12.5");
        assertThat(num(73.3333)).isEqualTo("73.3");
        assertThat(num(-0.5)).isEqualTo("-0.5");
        assertThat(num(-12.04)).isEqualTo("-12");
        assertThat(num(0.04)).isEqualTo("0");
        assertThat(num(999.96)).isEqualTo("1000");
    }

    @Test
    void aPathMovesAfterAGapAndDrawsNothingWhenEmpty() {
        Polyline p = new Polyline().to(0, 0).to(10.25, 5);
        p.gap();
        p.to(20, 5).to(30, 6);
        assertThat(SvgSurface.d(new StringBuilder(), p)).hasToString("M0,0 L10.3,5 M20,5 L30,6");
        SvgSurface svg = new SvgSurface(100, 50, "t");
        svg.polyline(new Polyline(), "#000000", 1);
        assertThat(svg.finish()).doesNotContain("<path");
    }

    @Test
    void logTextIsEscapedAndTheResultIsWellFormedXml() {
        String hostile = "<script>alert('x')</script> & \"q\" \u0000\u001b[2J";
        SvgSurface svg = new SvgSurface(100, 50, hostile);
        svg.group("series", hostile);
        svg.text(1, 2, hostile, "end", "#333333", Surface.TextStyle.PLAIN);
        svg.endGroup();
        String out = svg.finish();
        assertThat(out).doesNotContain("<script").contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;");
        SvgXml xml = SvgXml.parse(out);
        assertThat(xml.elements("script")).isEmpty();
        String shown = "<script>alert('x')</script> & \"q\" \uFFFD\uFFFD[2J";
        assertThat(xml.texts()).containsExactly(shown);
        assertThat(xml.elements("title")).extracting(Element::getTextContent).containsExactly(shown);
        assertThat(xml.group("series", shown)).isNotNull();
    }

    @Test
    void shapesCarryTheirCoordinatesAndPaints() {
        SvgSurface svg = new SvgSurface(200, 100, "shapes");
        svg.rect(1, 2, 3.25, 4, "#c62828");
        svg.line(0, 10, 200, 10, "#2e7d32", 1.5, "6 4");
        svg.circle(5, 6, 4, "#7b1fa2");
        svg.verticalText(16, 50, "connections", "#333333");
        SvgXml xml = SvgXml.parse(svg.finish());
        assertThat(xml.root.getAttribute("viewBox")).isEqualTo("0 0 200 100");
        Element rect = xml.elements("rect").get(1);   // the first is the white background
        assertThat(rect.getAttribute("width")).isEqualTo("3.3");
        assertThat(rect.getAttribute("fill")).isEqualTo("#c62828");
        Element line = xml.elements("line").get(0);
        assertThat(line.getAttribute("stroke-dasharray")).isEqualTo("6 4");
        assertThat(line.getAttribute("x2")).isEqualTo("200");
        assertThat(xml.elements("circle").get(0).getAttribute("r")).isEqualTo("4");
        assertThat(xml.elements("text").get(0).getAttribute("transform")).isEqualTo("rotate(-90 16 50)");
    }
}
