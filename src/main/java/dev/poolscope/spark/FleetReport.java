package dev.poolscope.spark;

import dev.poolscope.Main;
import dev.poolscope.analysis.Summary;
import dev.poolscope.cli.AnalysisSettings;
import dev.poolscope.cli.CommonOptions;
import dev.poolscope.cli.ConfigDefaults;
import dev.poolscope.cli.DecodeOptions;
import dev.poolscope.cli.ExitCode;
import dev.poolscope.cli.PoolscopeCommand;
import dev.poolscope.cli.UsageException;
import dev.poolscope.cli.WeeklyOptions;
import dev.poolscope.feed.InputException;
import dev.poolscope.findings.FindingConfig;
import dev.poolscope.weekly.WeeklyInsights;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code spark-submit --class dev.poolscope.spark.FleetReport target/poolscope.jar INPUT…}: the weekly
 * report of {@code poolscope report} over a fleet's logs, one Spark task per process stream, the summaries
 * merged in order on the executors (docs/spark.md). Same options as {@code report}, plus how streams are
 * formed and where their summaries go.
 */
@Command(name = "FleetReport", mixinStandardHelpOptions = true, sortOptions = false,
        defaultValueProvider = ConfigDefaults.class,
        description = {"The weekly report of 'poolscope report' over a fleet's logs on Apache Spark: one task per "
            + "process stream (a directory plus a rotated file's base name, or --stream-by), the summaries merged "
            + "in time order on the executors. Inputs are files, directories and globs on any Hadoop file system "
            + "(file:, hdfs://, s3a://, gs://, abfs://). Any option can also be set in a --config properties file "
            + "(keys: long option names without dashes). docs/spark.md"},
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {
            "0:report written (streams with unreadable parts are listed on stderr)", "2:usage error",
            "3:input missing, or with --strict any stream not read cleanly", "4:internal error"})
public final class FleetReport implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "INPUT", description = "log files, directories or globs, local or a Hadoop URI")
    List<String> inputs;

    @Mixin
    WeeklyOptions weekly;

    @Option(names = "--stream-by", paramLabel = "REGEX",
            description = "the stream key is this regex's first group over each path, e.g. 'logs/([^/]+)/' "
                + "(default: directory plus base name before the rotation suffix)")
    String streamBy;

    @Option(names = "--summaries", paramLabel = "DIR",
            description = "also write each stream's summary (.psum) into DIR (local or a Hadoop URI), for 'poolscope merge'")
    String summaries;

    @Option(names = "--strict", description = "exit 3, without a report, when any stream has malformed lines or unreadable files")
    boolean strict;

    @Option(names = "--config", paramLabel = "FILE", description = "read option values from this properties file")
    Path config;

    @Mixin
    CommonOptions common;

    /** The context to run in, when the caller has one (a test's); otherwise one is made and stopped after. */
    private final JavaSparkContext given;

    public FleetReport() {
        this(null);
    }

    FleetReport(JavaSparkContext given) {
        this.given = given;
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        int code = sparkPresent() ? PoolscopeCommand.standalone(new FleetReport(), out, err).execute(args) : noSpark(err);
        out.flush();
        err.flush();
        Main.exit(code);
    }

    /** Run with plain java, Spark is missing: say how to start it rather than show a stack trace. */
    private static boolean sparkPresent() {
        try {
            Class.forName("org.apache.spark.SparkConf", false, FleetReport.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    private static int noSpark(PrintWriter err) {
        err.println("poolscope: FleetReport runs on Apache Spark, which is not on the class path; start it with "
                + "spark-submit --class dev.poolscope.spark.FleetReport poolscope.jar … (docs/spark.md)");
        return ExitCode.USAGE;
    }

    @Override
    public Integer call() throws IOException, InputException, UsageException {
        weekly.zone();
        weekly.requireWritable();
        EngineSpec engine = EngineSpec.of(common.decode().overrides(), common.decode().names(),
                common.settings().options(), common.maxLineBytes());
        Pattern pattern = pattern();
        JavaSparkContext sc = given != null ? given : new JavaSparkContext(
                new SparkConf().setAppName("poolscope fleet report").setIfMissing("spark.master", "local[*]"));
        try {
            SummaryDir.requireEmpty(sc.hadoopConfiguration(), summaries, weekly.force());
            FleetRun run = new FleetRun(sc, engine, pattern, summaries);
            Summary.Finished current = run.summarise(inputs).finish();
            if (!tell(run, "")) {
                return ExitCode.INPUT;
            }
            Summary.Finished before = null;
            if (!weekly.previous().isEmpty()) {
                FleetRun previous = new FleetRun(sc, engine, pattern, null);
                before = previous.summarise(weekly.previous()).finish();
                if (!tell(previous, "previous period: ")) {
                    return ExitCode.INPUT;
                }
            }
            // the period's findings as the command line's; the streams are not split by day on the executors yet
            weekly.write(WeeklyInsights.add(weekly.build(current, before), current.diagnosis(), Map.of(),
                    FindingConfig.defaults(), "the fleet report does not split its streams by day yet (docs/spark.md)"),
                    spec.commandLine().getOut());
            return ExitCode.OK;
        } finally {
            if (given == null) {
                sc.stop();
            }
        }
    }

    private Pattern pattern() throws UsageException {
        try {
            return Streams.compile(streamBy);
        } catch (PatternSyntaxException e) {
            throw new UsageException("--stream-by: not a regular expression: " + e.getDescription());
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** Lists the streams that were not read cleanly on stderr; false when --strict refuses them. */
    private boolean tell(FleetRun run, String prefix) {
        PrintWriter err = spec.commandLine().getErr();
        if (run.unmatched() > 0) {
            err.println("poolscope: " + prefix + "--stream-by matched no key in " + run.unmatched()
                    + " file names; they form streams by the default rule (directory and base name)");
        }
        long failed = StreamReport.print(run.problems(), run.streams(), prefix, err);
        if (strict && failed > 0) {
            err.println("poolscope: " + prefix + failed + " of " + run.streams()
                    + " streams were not read cleanly (--strict); no report written");
            return false;
        }
        return true;
    }
}
