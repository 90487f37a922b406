package dev.poolscope.sample;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The samples committed under {@code samples/}: one place that says how each was made, used to
 * regenerate them ({@code BundledSamples <dir>}) and by the test that keeps them in sync.
 */
public final class BundledSamples {
    /** {@code <name>.jsonl} and {@code <name>.expected.json} come from this request-count config. */
    public record Sample(String name, Scenario scenario, long seed, int requests) {
        public GeneratorConfig config() {
            return GeneratorConfig.ofRequests(scenario, seed, requests);
        }
    }

    public static final List<Sample> ALL = List.of(
            new Sample("healthy", Scenario.HEALTHY, 1, 300),
            new Sample("leaky-routers", Scenario.LEAKY_ROUTERS, 1, 2000),
            new Sample("timeout-storm", Scenario.TIMEOUT_STORM, 2, 550),
            new Sample("multi-process", Scenario.MIXED_PROCESSES, 1, 400));

    private BundledSamples() {}

    /** The files {@link #write} writes into {@code dir}. */
    public static List<Path> files(Path dir) {
        List<Path> out = new ArrayList<>();
        for (Sample s : ALL) {
            out.add(dir.resolve(s.name() + ".jsonl"));
            out.add(dir.resolve(s.name() + ".expected.json"));
        }
        return out;
    }

    /** Writes every sample and its expected figures into {@code dir} (created); returns their truths. */
    public static List<Truth> write(Path dir) throws IOException {
        Files.createDirectories(dir);
        List<Truth> truths = new ArrayList<>();
        for (Sample s : ALL) {
            Truth truth;
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(dir.resolve(s.name() + ".jsonl")))) {
                truth = LogGenerator.generate(s.config(), out);
            }
            try (OutputStream out = Files.newOutputStream(dir.resolve(s.name() + ".expected.json"))) {
                TruthJson.write(truth, out);
            }
            truths.add(truth);
        }
        return truths;
    }
}
