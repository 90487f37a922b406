package dev.poolscope.testing;

import dev.poolscope.analysis.AnalysisOptions;
import dev.poolscope.analysis.Diagnosis;
import dev.poolscope.event.EventNames;
import dev.poolscope.event.FieldMapping;
import dev.poolscope.feed.InputException;
import dev.poolscope.feed.Pipeline;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

/** Runs the real pipeline or command line in tests. */
public final class Run {
    private Run() {}

    public static Diagnosis pipeline(InputStream stdin, int maxLineBytes) throws InputException {
        return pipeline(List.of("-"), stdin, maxLineBytes, AnalysisOptions.defaults());
    }

    public static Diagnosis pipeline(List<String> inputs, InputStream stdin, int maxLineBytes, AnalysisOptions o)
            throws InputException {
        return new Pipeline(FieldMapping.defaults(), EventNames.defaults(), o, maxLineBytes).run(inputs, stdin);
    }

    /** Exit code, standard output and standard error of {@code poolscope args…}. */
    public record Cli(int code, String out, String err) {}

    public static Cli cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = dev.poolscope.cli.PoolscopeCommand.commandLine(new PrintWriter(out), new PrintWriter(err)).execute(args);
        return new Cli(code, out.toString(), err.toString());
    }
}
