package dev.poolscope.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTest {
    @Test
    void escapesEveryCharacterThatCanEndTextOrAnAttribute() {
        assertThat(Html.text("<script>alert('x')</script>")).isEqualTo("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
        assertThat(Html.text("\"><img src=x onerror=alert(1)>")).isEqualTo("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;");
        assertThat(Html.text("a & b")).isEqualTo("a &amp; b");
        assertThat(Html.text("&amp;")).isEqualTo("&amp;amp;");
    }

    @Test
    void replacesControlCharactersButKeepsWhitespaceAndUnicode() {
        assertThat(Html.text("a\u0000b\u001b[31mc\u007f\u0085")).isEqualTo("a\uFFFDb\uFFFD[31mc\uFFFD\uFFFD");
        assertThat(Html.text("tab\there\nnew line\r")).isEqualTo("tab\there\nnew line\r");
        assertThat(Html.text("café ≤ 10 · 🚀")).isEqualTo("café ≤ 10 · 🚀");
    }

    @Test
    void plainTextIsReturnedAsIs() {
        String s = "GET /api/projects/{id}";
        assertThat(Html.text(s)).isSameAs(s);
        assertThat(Html.text(null)).isEmpty();
    }
}
