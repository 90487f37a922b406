package dev.poolscope.report.check;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JunitReportTest {
    @Test
    void keepsWhatXmlCanCarry() {
        String ok = "tab\tnewline\ncr\r <&>\"' é 中 \uD83D\uDE00 \uE000";
        assertThat(JunitReport.safe(ok)).isEqualTo(ok);
    }

    @Test
    void replacesWhatXmlCannotCarryEvenEscaped() {
        assertThat(JunitReport.safe("a\u0000b\u0001c\u001bd\uFFFEe\uFFFF"))
                .isEqualTo("a?b?c?d?e?");
        assertThat(JunitReport.safe("lone \uD83D high, lone \uDE00 low, reversed \uDE00\uD83D"))
                .isEqualTo("lone ? high, lone ? low, reversed ??");
    }
}
