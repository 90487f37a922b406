package dev.poolscope.cli;

import dev.poolscope.feed.InputException;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/** The {@code poolscope} command and its subcommands; maps every failure to one line and an exit code. */
@Command(name = "poolscope", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Diagnoses database connection-pool leaks and exhaustion from structured JSON logs.",
        exitCodeListHeading = "%nExit codes:%n")
public final class PoolscopeCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is needed, e.g. 'poolscope analyze app.jsonl'");
    }

    /** The subcommands, in the order help lists them. */
    private static final List<String> SUBCOMMANDS = List.of("analyze", "check", "watch", "merge", "report", "generate",
            "completion", "help");

    /**
     * A new subcommand object. A switch rather than a table of constructor references: resolving those
     * would load every command class, and picocli reads a command's annotations when it is added.
     */
    private static Object subcommand(String name) {
        return switch (name) {
            case "analyze" -> new AnalyzeCommand();
            case "check" -> new CheckCommand();
            case "watch" -> new WatchCommand();
            case "merge" -> new MergeCommand();
            case "report" -> new ReportCommand();
            case "generate" -> new GenerateCommand();
            case "completion" -> new CompletionCommand();
            case "help" -> new CommandLine.HelpCommand();
            default -> throw new IllegalArgumentException("no such subcommand: " + name);
        };
    }

    /** A ready command line with every subcommand, writing to the given streams. */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        return commandLine(out, err, new String[0]);
    }

    /**
     * A ready command line for {@code args}: when they start with a subcommand's name only that one is
     * built (the others cannot be reached then), else all of them, for help and the version.
     */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err, String[] args) {
        CommandLine cl = new CommandLine(new PoolscopeCommand());
        if (args.length > 0 && !"help".equals(args[0]) && SUBCOMMANDS.contains(args[0])) {
            cl.addSubcommand(subcommand(args[0]));   // 10 kB log: 0.27 s instead of 0.30 (docs/performance.md)
        } else {
            SUBCOMMANDS.forEach(name -> cl.addSubcommand(subcommand(name)));
        }
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExecutionExceptionHandler(PoolscopeCommand::onException);
        cl.setParameterExceptionHandler(PoolscopeCommand::onBadParameters);
        listExitCodes(cl);
        return cl;
    }

    /**
     * A command run on its own (the Spark application {@code dev.poolscope.spark.FleetReport}), with the
     * same one-line messages and exit codes as the subcommands.
     */
    public static CommandLine standalone(Object command, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(command);
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExecutionExceptionHandler(PoolscopeCommand::onException);
        cl.setParameterExceptionHandler(PoolscopeCommand::onBadParameters);
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
