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
        int code;
        try {
            code = PoolscopeCommand.commandLine(out, err, args).execute(args);
        } catch (OutOfMemoryError e) {
            // Memory grows only with open checkouts and in-flight batches; say which knob to turn, not a stack trace.
            err.println("poolscope: out of memory (too many open checkouts for the heap?); "
                    + "bin/poolscope takes a bigger heap from POOLSCOPE_HEAP, e.g. POOLSCOPE_HEAP=4g");
            code = dev.poolscope.cli.ExitCode.INTERNAL;
        }
        out.flush();
        err.flush();
        exit(code);
    }

    /** Ends the JVM with a command's exit code; the only place that does (the Spark FleetReport's main too). */
    public static void exit(int code) {
        System.exit(code);
    }
}
