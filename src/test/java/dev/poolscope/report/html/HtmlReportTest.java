package dev.poolscope.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import dev.poolscope.analysis.Diagnosis;
import dev.poolscope.report.chart.ChartImages;
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
        HtmlReport.write(d, new ChartImages(d), out);
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
        assertThat(doc.select("img")).hasSize(4).allMatch(img -> img.attr("src").startsWith("data:image/png;base64,"));
        assertThat(doc.select("[src], [href]")).allMatch(e -> e.attr("src").startsWith("data:") && e.attr("href").isEmpty());
        // health, leaks, endpoints, timeouts; hostile.jsonl has no near-exhaustion window and no long hold
        assertThat(doc.select("table")).hasSize(4);
        assertThat(doc.select("#windows .empty, #long-holds .empty")).hasSize(2);
    }

    @Test
    void contentSecurityPolicyForbidsAnyFetchAndAllowsOnlyItsOwnStyleAndScript() {
        Element meta = doc.selectFirst("meta[http-equiv=Content-Security-Policy]");
        assertThat(meta).isNotNull();
        assertThat(html.indexOf("Content-Security-Policy")).isLessThan(html.indexOf("<style>"));
        String csp = meta.attr("content");
        assertThat(csp).startsWith("default-src 'none'; img-src data:; ")
                .contains("style-src " + HtmlTemplate.cspHash(doc.selectFirst("style").data()))
                .contains("script-src " + HtmlTemplate.cspHash(doc.selectFirst("script").data()))
                .doesNotContain("unsafe").doesNotContain("http");
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
}
