package dev.poolscope.testing;

import dev.poolscope.cli.CheckCommand;
import dev.poolscope.cli.PoolscopeCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import picocli.CommandLine;

/** Runs the real command line in-process with an environment the test chooses (never the real one). */
public record CheckRun(int exit, String out, String err) {

    public static CheckRun run(String... args) {
        return run(Map.of(), args);
    }

    public static CheckRun run(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = PoolscopeCommand.commandLine(new PrintWriter(out), new PrintWriter(err));
        ((CheckCommand) cl.getSubcommands().get("check").getCommand()).env = env;
        int exit = cl.execute(args);
        return new CheckRun(exit, out.toString(), err.toString());
    }

    /** One check's row of the text verdict as {value, limit, result}, or null when the check is absent. */
    public String[] row(String label) {
        for (String line : out.split("\n")) {
            if (line.startsWith("  " + label + " ")) {
                String[] cells = line.substring(2 + label.length()).strip().split("\\s+");
                return new String[] {cells[0], cells[2], cells[3]};
            }
        }
        return null;
    }
}
