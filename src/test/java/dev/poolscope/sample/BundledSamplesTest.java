package dev.poolscope.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The committed samples must be exactly what the generator makes today (regenerate if not). */
class BundledSamplesTest {
    private static final Path DIR = Path.of("samples");

    @Test
    void committedSamplesMatchTheGenerator() throws IOException {
        for (BundledSamples.Sample s : BundledSamples.ALL) {
            ByteArrayOutputStream log = new ByteArrayOutputStream();
            Truth truth = LogGenerator.generate(s.config(), log);
            ByteArrayOutputStream json = new ByteArrayOutputStream();
            TruthJson.write(truth, json);
            String hint = "samples/" + s.name() + " is stale: run bin/poolscope generate --samples samples --force (see samples/README.md)";
            assertThat(Files.readAllBytes(DIR.resolve(s.name() + ".jsonl"))).as(hint).isEqualTo(log.toByteArray());
            assertThat(Files.readAllBytes(DIR.resolve(s.name() + ".expected.json"))).as(hint)
                    .isEqualTo(json.toByteArray());
            assertThat(truth.bytes()).isLessThan(2_000_000);
        }
    }
}
