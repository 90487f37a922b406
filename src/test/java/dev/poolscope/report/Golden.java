package dev.poolscope.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Byte-for-byte comparison with files under src/test/resources/golden/. Run the tests with
 * {@code -Dpoolscope.updateGolden=true} to rewrite them, then review the diff before committing.
 */
final class Golden {
    static final Path ROOT = Path.of("src/test/resources/golden");

    private Golden() {}

    static void assertMatches(String scenario, String file, String actual) throws IOException {
        Path golden = ROOT.resolve(scenario).resolve(file);
        if (Boolean.getBoolean("poolscope.updateGolden")) {
            Files.createDirectories(golden.getParent());
            Files.writeString(golden, actual, StandardCharsets.UTF_8);
        }
        assertThat(golden).as("golden file %s (regenerate with -Dpoolscope.updateGolden=true)", golden).exists();
        assertThat(actual).as("%s differs from %s", file, golden)
                .isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
    }
}
