package dev.poolscope.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.poolscope.analysis.AnalysisOptions;
import dev.poolscope.analysis.Diagnosis;
import dev.poolscope.event.EventNames;
import dev.poolscope.event.FieldMapping;
import dev.poolscope.feed.InputException;
import dev.poolscope.feed.Pipeline;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Golden files under src/test/resources/golden/&lt;scenario&gt;/, compared byte for byte.
 * {@code mvn test -Dpoolscope.updateGolden=true} rewrites them; review the diff before committing.
 */
public final class Golden {
    public static final Path ROOT = Path.of("src", "test", "resources", "golden");
    private static final boolean UPDATE = Boolean.getBoolean("poolscope.updateGolden");

    private Golden() {}

    /** A scenario's {@code app.jsonl} read through the pipeline with every default, as from standard input. */
    public static Diagnosis diagnose(String scenario) throws IOException, InputException {
        try (InputStream log = Files.newInputStream(ROOT.resolve(scenario).resolve("app.jsonl"))) {
            return new Pipeline(FieldMapping.defaults(), EventNames.defaults(), AnalysisOptions.defaults(), 1 << 20)
                    .run(List.of("-"), log);
        }
    }

    public static void check(String scenario, String file, String actual) throws IOException {
        Path path = ROOT.resolve(scenario).resolve(file);
        if (UPDATE) {
            Files.writeString(path, actual, StandardCharsets.UTF_8);
        }
        assertThat(path).as("golden file %s (run with -Dpoolscope.updateGolden=true to create it)", path).exists();
        String expected = Files.readString(path, StandardCharsets.UTF_8);
        assertThat(actual).as("%s differs from its golden file", file).isEqualTo(expected);
    }
}
