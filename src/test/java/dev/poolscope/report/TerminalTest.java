package dev.poolscope.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Log strings cannot steer the engineer's terminal. */
class TerminalTest {
    @Test
    void ansiEscapesAndControlCharactersBecomeQuestionMarks() {
        assertThat(Terminal.clean("\u001b[31mred\u001b[0m")).isEqualTo("?[31mred?[0m");
        assertThat(Terminal.clean("clear\u001b[2J\u001b[H")).isEqualTo("clear?[2J?[H");
        assertThat(Terminal.clean("bell\u0007 back\b cr\r nl\n tab\t nul\u0000 del\u007f")).isEqualTo(
                "bell? back? cr? nl? tab? nul? del?");
        assertThat(Terminal.clean("c1 csi \u009b31m osc \u009d0;title\u009c")).isEqualTo("c1 csi ?31m osc ?0;title?");
        assertThat(Terminal.clean("line\u2028sep\u2029")).isEqualTo("line?sep?");
    }

    @Test
    void bidirectionalOverridesCannotReorderWhatIsShown() {
        assertThat(Terminal.clean("/api/\u202eusers\u202c/x")).isEqualTo("/api/?users?/x");
        assertThat(Terminal.clean("\u2066a\u2069 \u200f\u061c")).isEqualTo("?a? ??");
    }

    @Test
    void printableTextIsUntouched() {
        String s = "GET /api/projects/{id} — Zürich 東京 🙂 U+FFFD \ufffd";
        assertThat(Terminal.clean(s)).isSameAs(s);
        assertThat(Terminal.clean(null)).isEqualTo("-");
    }
}
