package dev.poolscope.report.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class HtmlTemplateTest {
    private static final String BASE = "/dev/poolscope/report/html/";

    @Test
    void everyPlaceholderNeedsAValueAndEveryValueAPlaceholder() {
        HtmlTemplate t = HtmlTemplate.resource(BASE + "report.html");
        assertThatThrownBy(() -> t.fill(Map.of("csp", "x"))).hasMessageContaining("no value for placeholder");
    }

    @Test
    void valuesAreNotScannedForPlaceholders() {
        String filled = HtmlTemplate.resource(BASE + "report.html").fill(Map.ofEntries(Map.entry("csp", "{{title}}"),
                Map.entry("title", "t $1 \\ $"), Map.entry("style", ""), Map.entry("verdict_class", ""),
                Map.entry("headline", ""), Map.entry("verdict", ""), Map.entry("summary", ""), Map.entry("input", ""),
                Map.entry("health", ""), Map.entry("charts", ""), Map.entry("tables", ""), Map.entry("footer", ""),
                Map.entry("findings", ""),
                Map.entry("script", "")));
        assertThat(filled).contains("content=\"{{title}}\"").contains("<title>t $1 \\ $</title>")
                .startsWith("<!DOCTYPE html>").endsWith("</html>\n");
    }

    /** Known answer: SHA-256 of the empty string, as CSP wants it. */
    @Test
    void cspHashIsBase64Sha256() {
        assertThat(HtmlTemplate.cspHash("")).isEqualTo("'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='");
    }
}
