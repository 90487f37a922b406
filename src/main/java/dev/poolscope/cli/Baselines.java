package dev.poolscope.cli;

import dev.poolscope.feed.InputException;
import dev.poolscope.feed.Pipeline;
import dev.poolscope.gate.Figures;
import dev.poolscope.report.json.BaselineReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Opens a {@code --baseline} file; anything wrong with it is an input error (exit 3). */
public final class Baselines {
    private Baselines() {}

    public static Figures read(Path path) throws InputException {
        String name = path.toString();
        Pipeline.requireReadable(name);
        try (InputStream in = Files.newInputStream(path)) {
            return BaselineReader.read(in);
        } catch (BaselineReader.NotAReportException e) {
            throw new InputException("baseline " + name + " is not an 'analyze --format json' report: " + e.getMessage());
        } catch (IOException e) {
            throw new InputException("cannot read baseline " + name + ": " + e.getMessage());
        }
    }
}
