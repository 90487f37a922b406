package dev.poolscope.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code poolscope} command and its subcommands; maps every failure to one line and an exit code. */
@Command(name = "poolscope", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Diagnoses database connection-pool leaks and exhaustion from structured JSON logs.",
        subcommands = {AnalyzeCommand.class, CheckCommand.class, WatchCommand.class, MergeCommand.class,
            ReportCommand.class, GenerateCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n")
public final class PoolscopeCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is needed, e.g. 'poolscope analyze app.jsonl'");
    }

    /** A ready command line writing to the given streams; {@code Main} and the tests use it alike. */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new PoolscopeCommand());
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExecutionExceptionHandler(PoolscopeCommand::onException);
        cl.setParameterExceptionHandler(PoolscopeCommand::onBadParameters);
        listExitCodes(cl);
        return cl;
    }

    /** Every command lists the shared exit codes, unless it documents its own more precisely. */
    private static void listExitCodes(CommandLine cl) {
        var usage = cl.getCommandSpec().usageMessage();
        if (usage.exitCodeList().isEmpty()) {
            Map<String, String> codes = new LinkedHashMap<>();
            for (String line : ExitCode.HELP_LIST) {
                int colon = line.indexOf(':');
                codes.put(line.substring(0, colon), line.substring(colon + 1));
            }
            usage.exitCodeListHeading("%nExit codes:%n").exitCodeList(codes);
        }
        cl.getSubcommands().values().forEach(PoolscopeCommand::listExitCodes);
    }

    private static int onException(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
        PrintWriter err = cl.getErr();
        if (e instanceof InputException) {
            err.println("poolscope: " + e.getMessage());
            return ExitCode.INPUT;
        } else if (e instanceof UsageException) {
            err.println("poolscope: " + e.getMessage());
            return ExitCode.USAGE;
        }
        err.println("poolscope: internal error: " + e + " (set POOLSCOPE_DEBUG=1 for details; please report it)");
        if (System.getenv("POOLSCOPE_DEBUG") != null) {
            e.printStackTrace(err);
        }
        return ExitCode.INTERNAL;
    }

    private static int onBadParameters(CommandLine.ParameterException e, String[] args) {
        CommandLine cl = e.getCommandLine();
        PrintWriter err = cl.getErr();
        err.println("poolscope: " + e.getMessage());
        err.println("Try '" + cl.getCommandSpec().qualifiedName() + " --help' for more information.");
        return ExitCode.USAGE;
    }
}
