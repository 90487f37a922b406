package dev.poolscope.report.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.poolscope.analysis.Analysis;
import dev.poolscope.analysis.AnalysisOptions;
import dev.poolscope.analysis.Diagnosis;
import dev.poolscope.analysis.InputSummary;
import dev.poolscope.report.Redaction;
import dev.poolscope.report.Redactor;
import dev.poolscope.testing.Golden;
import dev.poolscope.testing.Scenarios;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * The page's SVG charts of golden/small-incident/app.jsonl, the 22-line log GoldenReportTest counts by
 * hand. Its figures, from the log: 100 ms buckets from 10:00:00.0 to 10:01:20.0 (80 s is 800 of them, under
 * the 2000 cap); pool max 80, peak used 80; one near-exhaustion window 10:00:01–10:00:04; one failed
 * getconn (10:00:03.0) and one statement timeout (10:00:06.0); running getconn − putconn ends at 2;
 * holds of 1 s, 3 s and 61.5 s; one leak each on "DELETE /api/projects/{id}" and "GET /api/coding/stats".
 * Default thresholds: pool used normal ≤ 10, critical > 70; leak delta normal ≤ 2, critical > 10.
 * Plot area: x from 64 to 936 (right axis) or 976, y from 340 (bottom) up to 40.
 */
class ChartKindTest {
    private static Diagnosis d;

    @BeforeAll
    static void analyze() throws Exception {
        d = Golden.diagnose("small-incident");
    }

    @Test
    void poolUsage() {
        SvgXml svg = SvgXml.parse(ChartKind.POOL_USAGE.svg(d));
        assertThat(svg.groups("series")).extracting(g -> g.root.getAttribute("data-name"))
                .containsExactly(PoolUsageChart.OPEN, PoolUsageChart.USED, PoolUsageChart.FAILED, PoolUsageChart.TIMEOUTS);
        // x: 80.1 s (the last bucket included) over 872 px; y left: 0..90 (80 on a tick gets one more step);
        // y right: 0..2 (a count of 1 on a tick, one more step).
        Element failed = svg.group("series", PoolUsageChart.FAILED).elements("rect").get(0);
        assertThat(svg.group("series", PoolUsageChart.FAILED).elements("rect")).hasSize(1);
        assertThat(svg.num(failed, "x")).isCloseTo(64 + 3 / 80.1 * 872 - 4, within(0.06));
        assertThat(svg.num(failed, "y")).isCloseTo(340 - 150 - 4, within(0.06));
        Element timeout = svg.group("series", PoolUsageChart.TIMEOUTS).elements("circle").get(0);
        assertThat(svg.group("series", PoolUsageChart.TIMEOUTS).elements("circle")).hasSize(1);
        assertThat(svg.num(timeout, "cx")).isCloseTo(64 + 6 / 80.1 * 872, within(0.06));
        Element window = svg.groups("windows").get(0).elements("rect").get(0);
        assertThat(svg.num(window, "x")).isCloseTo(64 + 1 / 80.1 * 872, within(0.06));
        assertThat(svg.num(window, "width")).isCloseTo(3 / 80.1 * 872, within(0.11));
        assertThat(svg.num(window, "height")).isEqualTo(300);
        assertThat(svg.groups("level")).extracting(g -> g.root.getAttribute("data-name"))
                .containsExactly("pool max 80", "normal ≤ 10", "critical > 70");
        Element poolMax = svg.group("level", "pool max 80").elements("line").get(0);
        assertThat(svg.num(poolMax, "y1")).isCloseTo(340 - 80 / 90.0 * 300, within(0.06));
        assertThat(poolMax.hasAttribute("stroke-dasharray")).isFalse();
        assertThat(svg.group("y-axis", "connections").texts()).startsWith("0", "10").contains("90");
        assertThat(svg.group("y-axis", "events per bucket").texts()).containsExactly("0", "1", "2", "events per bucket");
        assertThat(svg.group("x-axis", "time (UTC, 2026-01-06)").texts()).startsWith("10:00:00", "10:00:10")
                .contains("10:01:20");
    }

    @Test
    void leakDelta() {
        SvgXml svg = SvgXml.parse(ChartKind.LEAK_DELTA.svg(d));
        assertThat(svg.groups("series")).hasSize(1);
        // y: 0..12 (the critical line at 10 is on a tick of 2). The delta ends at 2 in the last bucket,
        // 10:01:20.0, at x = 64 + 80 / 80.1 × 912.
        String path = svg.group("series", LeakDeltaChart.DELTA).elements("path").get(0).getAttribute("d");
        assertThat(path).startsWith("M64,").endsWith("L974.9,290");
        assertThat(svg.num(svg.group("level", "critical > 10").elements("line").get(0), "y1")).isEqualTo(90);
        assertThat(svg.num(svg.group("level", "normal ≤ 2").elements("line").get(0), "y1")).isEqualTo(290);
    }

    @Test
    void holdTimes() {
        SvgXml svg = SvgXml.parse(ChartKind.HOLD_TIMES.svg(d));
        // 1 s, 3 s and 61.5 s fall in quarter-decade bins 12 ([1000, 1778) ms), 13 and 19: three bars of one,
        // over the decades 10^3..10^5, 456 px each, 114 a bin, 5 % of it left blank.
        List<Element> bars = svg.group("series", HoldTimeChart.SERIES).elements("rect");
        assertThat(bars).extracting(b -> svg.num(b, "x")).satisfiesExactly(
                x -> assertThat(x).isCloseTo(64 + 2.85, within(0.06)),
                x -> assertThat(x).isCloseTo(64 + 114 + 2.85, within(0.06)),
                x -> assertThat(x).isCloseTo(64 + 7 * 114 + 2.85, within(0.06)));
        assertThat(bars).allSatisfy(b -> {
            assertThat(svg.num(b, "width")).isCloseTo(108.3, within(0.06));
            assertThat(svg.num(b, "y")).isEqualTo(190);      // a count of 1 on an axis of 0..2
            assertThat(svg.num(b, "height")).isEqualTo(150);
        });
        assertThat(svg.group("x-axis", "hold time (ms, log scale)").texts()).containsExactly("1000", "10000", "100000",
                "hold time (ms, log scale)");
    }

    @Test
    void endpointLeaks() {
        SvgXml svg = SvgXml.parse(ChartKind.ENDPOINT_LEAKS.svg(d));
        // Both have one leak: by name. Names take 25 × 6.6 + 16 = 181 px; x: 0..2 over 181..976; two bands of
        // 150 px, bars 24 px high (8 % of 300) centred on 115 and 265.
        SvgXml series = svg.group("series", EndpointLeakChart.SERIES);
        assertThat(series.texts()).containsExactly("DELETE /api/projects/{id}", "1", "GET /api/coding/stats", "1");
        List<Element> bars = series.elements("rect");
        assertThat(bars).extracting(b -> svg.num(b, "y")).containsExactly(103.0, 253.0);
        assertThat(bars).allSatisfy(b -> {
            assertThat(svg.num(b, "x")).isEqualTo(181);
            assertThat(svg.num(b, "width")).isEqualTo(397.5);
            assertThat(svg.num(b, "height")).isEqualTo(24);
        });
    }

    @Test
    void aLogWithNothingToDrawSaysSoInEveryChart() {
        Diagnosis empty = new Analysis(AnalysisOptions.defaults()).finish(new InputSummary(List.of("x"), 0, 0, 0, List.of()));
        assertThat(List.of(ChartKind.values())).extracting(c -> SvgXml.parse(c.svg(empty)))
                .allSatisfy(svg -> assertThat(svg.groups("series")).isEmpty())
                .extracting(svg -> svg.groups("no-data").get(0).texts())
                .containsExactly(List.of("no timestamped events"), List.of("no timestamped events"),
                        List.of("no returned checkouts"), List.of("no leaked checkouts"));
    }

    @Test
    void hostileEndpointNamesStayTextInWellFormedSvg() {
        Diagnosis hostile = Scenarios.HOSTILE.diagnose();
        for (ChartKind chart : ChartKind.values()) {
            SvgXml svg = SvgXml.parse(chart.svg(hostile));
            assertThat(svg.elements("script")).isEmpty();
            assertThat(svg.elements("foreignObject")).isEmpty();
        }
        String raw = ChartKind.ENDPOINT_LEAKS.svg(hostile);
        assertThat(raw).doesNotContain("<script").doesNotContain("\u001b").doesNotContain("\u0000");
        assertThat(SvgXml.parse(raw).group("series", EndpointLeakChart.SERIES).texts())
                .contains("GET /<script>alert('x')</script>", "=cmd|' /C calc'!A0");
    }

    /** {@code --chart x.svg} and {@code --charts --chart-format svg}: the page's chart as a file of its own. */
    @Test
    void aChartFileIsThePagesChartBehindAnXmlDeclaration() {
        Diagnosis hostile = Scenarios.HOSTILE.diagnose();
        for (ChartKind chart : ChartKind.values()) {
            String file = chart.document(hostile);
            assertThat(file).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"")
                    .endsWith("</svg>\n").contains(chart.svg(hostile));
            assertThat(SvgXml.parse(file).elements("script")).isEmpty();
        }
        assertThat(List.of(ChartKind.values())).extracting(ChartKind::baseName)
                .containsExactly("pool-usage", "leak-delta", "hold-times", "endpoint-leaks");
    }

    @Test
    void longNamesAreShortenedWithoutSplittingACharacter() {
        String name = "GET /" + "x".repeat(53) + "🚀🚀";   // 60 code points, 62 chars
        assertThat(EndpointLeakChart.label(name, 60)).isEqualTo(name);
        assertThat(EndpointLeakChart.label(name + "y", 60)).isEqualTo("GET /" + "x".repeat(53) + "🚀…");
        assertThat(EndpointLeakChart.label("a\u001b[2Jb", 60)).isEqualTo("a?[2Jb");
    }

    @Test
    void redactedNamesAreWhatTheChartShows() {
        Diagnosis masked = Redaction.apply(d, Redactor.of(List.of("coding")));
        String svg = ChartKind.ENDPOINT_LEAKS.svg(masked);
        assertThat(svg).doesNotContain("coding").contains("GET /api/***/stats");
    }
}
