package dev.poolscope;

import dev.poolscope.cli.PoolscopeCommand;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** Entry point: runs the command line and exits with its code. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        int code = PoolscopeCommand.commandLine(out, err).execute(args);
        out.flush();
        err.flush();
        System.exit(code);
    }
}
