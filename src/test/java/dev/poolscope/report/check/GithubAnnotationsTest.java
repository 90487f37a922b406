package dev.poolscope.report.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class GithubAnnotationsTest {
    @Test
    void dataEscapesPercentCarriageReturnAndNewline() {
        assertThat(GithubAnnotations.escapeData("100% done\r\nnext: a,b"))
                .isEqualTo("100%25 done%0D%0Anext: a,b");
    }

    @Test
    void propertiesAlsoEscapeColonAndComma() {
        assertThat(GithubAnnotations.escapeProperty("check: a,b 5%\n"))
                .isEqualTo("check%3A a%2Cb 5%25%0A");
    }

    @Test
    void escapedPercentIsNotDecodedTwice() {
        // a literal "%0A" in the text must stay literal, not become a newline on GitHub
        assertThat(GithubAnnotations.escapeData("%0A")).isEqualTo("%250A");
    }

    @Test
    void oneCommandPerAnnotationWhateverTheMessage() {
        StringWriter s = new StringWriter();
        PrintWriter out = new PrintWriter(s);

        GithubAnnotations.error(out, "t: x", "line one\n::warning::two");
        out.flush();

        assertThat(s.toString()).isEqualTo("::error title=t%3A x::line one%0A::warning::two" + System.lineSeparator());
    }
}
