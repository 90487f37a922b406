package dev.poolscope.report.csv;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CsvCellsTest {
    @ParameterizedTest
    @ValueSource(strings = {"=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1", "\n=1", "\tplain", "\rplain", "  =1",
        "=cmd|' /C calc'!A0", "\uFF1D1+1"})
    void formulaTriggersGetAnApostrophe(String cell) {
        assertThat(CsvCells.text(cell)).isEqualTo("'" + cell);
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET /api/projects/{id}", "r-1", "a=b", "1+1", "", "  ", " plain", "it's", "x@y"})
    void ordinaryTextIsUnchanged(String cell) {
        assertThat(CsvCells.text(cell)).isEqualTo(cell);
    }

    @Test
    void controlCharactersBecomeReplacementCharacters() {
        assertThat(CsvCells.text("/\u0000\u001b[31mred\u009b")).isEqualTo("/\uFFFD\uFFFD[31mred\uFFFD");
        assertThat(CsvCells.text("\u001b=1")).isEqualTo("\uFFFD=1");
        assertThat(CsvCells.text("two\nlines")).isEqualTo("two\nlines");
    }

    @Test
    void nullIsAnEmptyCell() {
        assertThat(CsvCells.text(null)).isEmpty();
    }
}
