package dev.poolscope.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import dev.poolscope.analysis.Diagnosis;
import dev.poolscope.testing.Golden;
import dev.poolscope.testing.Scenarios;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The HTML report parsed as a browser parses it (jsoup implements the HTML5 parsing algorithm). */
class HtmlReportTest {
    private static final String BASE = "/dev/poolscope/report/html/";
    private static String html;
    private static Document doc;

    @BeforeAll
    static void render() throws IOException {
        html = render(Scenarios.HOSTILE.diagnose());
        doc = Jsoup.parse(html);
    }

    static String render(Diagnosis d) throws IOException {
        StringWriter out = new StringWriter();
        HtmlReport.write(d, out);
        return out.toString();
    }

    @Test
    void hostileLogTextIsShownAsTextNotMarkup() {
        List<String> cells = doc.select("td").eachText();
        assertThat(cells).contains("GET /<script>alert('x')</script>", "\"><img src=x onerror=alert(1)>",
                "=cmd|' /C calc'!A0", "</td></tr></table><script>document.title='pwned'</script>",
                "'single' & \"double\"", "=HYPERLINK(\"http://evil.example/\",\"x\")");
        assertThat(doc.title()).startsWith("poolscope: CRITICAL");
    }

    @Test
    void onlyThePagesOwnScriptAndNoEventHandlers() {
        assertThat(doc.select("script")).hasSize(1);
        assertThat(doc.selectFirst("script").data()).isEqualTo(HtmlTemplate.resourceText(BASE + "report.js"));
        for (Element e : doc.getAllElements()) {
            for (Attribute a : e.attributes()) {
                assertThat(a.getKey()).as("attribute of <%s>", e.tagName()).doesNotStartWith("on");
            }
        }
        assertThat(doc.select("img, image, use, foreignObject, [src], [href]")).isEmpty();
        assertThat(doc.select("figure > svg")).hasSize(4);
        // health, leaks, endpoints, windows, timeouts: hostile.jsonl states pool_max 5, so the pool-used
        // thresholds scale to it (critical above 87.5 % of 5) and its pool at 5 opens a window; no long hold
        assertThat(doc.select("table")).hasSize(5);
        assertThat(doc.select("#windows .empty")).isEmpty();
        assertThat(doc.select("#long-holds .empty")).hasSize(1);
    }

    @Test
    void contentSecurityPolicyForbidsAnyFetchAndAllowsOnlyItsOwnStyleAndScript() {
        Element meta = doc.selectFirst("meta[http-equiv=Content-Security-Policy]");
        assertThat(meta).isNotNull();
        assertThat(html.indexOf("Content-Security-Policy")).isLessThan(html.indexOf("<style>"));
        String csp = meta.attr("content");
        assertThat(csp).startsWith("default-src 'none'; style-src ")
                .contains("style-src " + HtmlTemplate.cspHash(doc.selectFirst("style").data()))
                .contains("script-src " + HtmlTemplate.cspHash(doc.selectFirst("script").data()))
                .doesNotContain("unsafe").doesNotContain("http").doesNotContain("img-src");
    }

    /** The real capture: headline, verdict and the health table coloured by level. */
    @Test
    void headerAndHealthTableOfTheRealCapture() throws IOException {
        Document real = Jsoup.parse(render(Scenarios.REAL.diagnose()));
        assertThat(real.selectFirst("header").className()).isEqualTo("lv-critical");
        assertThat(real.selectFirst(".headline").text()).isEqualTo("getconn: 1974 · putconn: 1894 · LEAK: 80");
        assertThat(real.selectFirst(".verdict").text()).isEqualTo("CRITICAL");
        Element health = real.selectFirst("#health table");
        assertThat(health.select("tbody tr")).extracting(tr -> tr.child(0).text() + "=" + tr.child(1).text() + " "
                + tr.child(4).className()).containsExactly("pool used (peak)=80 lv-critical",
                "getconn − putconn=80 lv-critical", "requests without close=51 lv-critical");
        assertThat(real.select("#leaks tbody tr")).hasSize(80);
        assertThat(real.select("#timeouts tbody tr")).hasSize(8);
    }

    @Test
    void tablesAreSortableWithRawSortKeys() {
        Element leaks = doc.selectFirst("#leaks table");
        assertThat(leaks.hasClass("sortable")).isTrue();
        assertThat(leaks.select("thead th button")).hasSize(8);
        assertThat(leaks.select("tbody td[data-sort]").eachAttr("data-sort")).allMatch(s -> s.matches("-?\\d+"));
    }

    /**
     * golden/small-incident/app.jsonl (figures counted by hand in GoldenReportTest and ChartKindTest): the page
     * has the four charts as inline SVG, each with its series: pool usage 4 (two lines, one failed getconn,
     * one statement timeout, one window, three level lines), leak delta 1 line, hold times 3 bars, endpoints 2.
     */
    @Test
    void theFourChartsAreInlineSvgWithTheirSeries() throws Exception {
        Diagnosis d = Golden.diagnose("small-incident");
        Document page = Jsoup.parse(render(d));
        assertThat(page.select("#charts figure")).extracting(f -> f.id()).containsExactly("chart-pool-usage",
                "chart-leak-delta", "chart-hold-times", "chart-endpoint-leaks");
        assertThat(page.select("#charts figure > svg")).hasSize(4);
        Element usage = page.selectFirst("#chart-pool-usage svg");
        assertThat(usage.select("g.series")).hasSize(4);
        assertThat(usage.select("g.series path")).hasSize(2);
        assertThat(usage.select("g.series rect")).hasSize(1);
        assertThat(usage.select("g.series circle")).hasSize(1);
        assertThat(usage.select("g.windows rect")).hasSize(1);
        assertThat(usage.select("g.level")).hasSize(3);
        assertThat(page.select("#chart-leak-delta g.series path")).hasSize(1);
        assertThat(page.select("#chart-hold-times g.series rect")).hasSize(3);
        assertThat(page.select("#chart-endpoint-leaks g.series rect")).hasSize(2);
        assertThat(page.select("#chart-endpoint-leaks g.series text").eachText())
                .containsExactly("DELETE /api/projects/{id}", "1", "GET /api/coding/stats", "1");
        assertThat(page.select("#charts figcaption")).hasSize(4);
    }
}
