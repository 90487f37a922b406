package dev.poolscope.testing;

import dev.poolscope.cli.PoolscopeCommand;
import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the real command line in-process, built as {@code Main} builds it, capturing both streams. */
public record Cli(int code, String out, String err) {

    public static Cli run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = PoolscopeCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true), args).execute(args);
        return new Cli(code, out.toString(), err.toString());
    }
}
