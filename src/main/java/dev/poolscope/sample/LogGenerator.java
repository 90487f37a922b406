package dev.poolscope.sample;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * Writes a deterministic, structlog-shaped pool log for a {@link GeneratorConfig} and returns the
 * ground truth the simulation knows. Streams: memory stays bounded however many bytes are asked for.
 * The stream is flushed but not closed.
 */
public final class LogGenerator {
    private LogGenerator() {}

    public static Truth generate(GeneratorConfig config, OutputStream out) throws IOException {
        try {
            return new Simulation(config, out).run();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
