package dev.poolscope.cli;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where a command writes its report: stdout, or {@code -o FILE}, never replacing a file without {@code --force}. */
public final class OutputOptions {
    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "write the report to FILE instead of stdout")
    Path output;

    @Option(names = "--force", description = "replace output files that already exist")
    boolean force;

    /** Fails before any work when the report file exists without --force. */
    void check() throws UsageException {
        if (output != null) {
            OutputTarget.requireWritable(output, force);
        }
    }

    /** The report file, opened for UTF-8 text; {@code output} must be set. */
    PrintWriter open() throws IOException, UsageException {
        return new PrintWriter(new OutputStreamWriter(OutputTarget.open(output, force), StandardCharsets.UTF_8));
    }
}
