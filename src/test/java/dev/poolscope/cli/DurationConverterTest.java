package dev.poolscope.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

class DurationConverterTest {
    private final DurationConverter converter = new DurationConverter();

    @ParameterizedTest(name = "{0}")
    @CsvSource({"500ms,PT0.5S", "60s,PT60S", "60,PT60S", "0,PT0S", "1.5m,PT90S", "5m,PT5M", "1h,PT1H", "2d,PT48H",
        "' 10S ',PT10S", "0.25s,PT0.25S"})
    void readsTheDocumentedForms(String text, String iso) {
        assertThat(converter.convert(text)).isEqualTo(Duration.parse(iso));
    }

    @ParameterizedTest
    @ValueSource(strings = {"soon", "", "ms", "-5s", "5x", "NaNs", "1e400s"})
    void rejectsTheRest(String text) {
        assertThatThrownBy(() -> converter.convert(text)).isInstanceOf(CommandLine.TypeConversionException.class)
                .hasMessageContaining("is not a duration");
    }
}
