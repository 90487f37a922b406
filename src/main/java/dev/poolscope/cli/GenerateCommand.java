package dev.poolscope.cli;

import dev.poolscope.sample.BundledSamples;
import dev.poolscope.sample.GeneratorConfig;
import dev.poolscope.sample.LogGenerator;
import dev.poolscope.sample.Scenario;
import dev.poolscope.sample.Truth;
import dev.poolscope.sample.TruthJson;
import dev.poolscope.sample.WeekSamples;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code poolscope generate}: deterministic example logs with their ground truth, for trying and benchmarking. */
@Command(name = "generate", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Write a deterministic example log and its expected figures.",
        description = {"Writes a synthetic psycopg2 + structlog log from a seeded simulation, and optionally",
            "the truth the simulation knew (expected figures). Same arguments, same bytes."})
public final class GenerateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--scenario", paramLabel = "NAME",
            description = "healthy, leaky-routers, timeout-storm or mixed-processes")
    String scenario;

    @Option(names = "--seed", defaultValue = "1", description = "random seed (default: ${DEFAULT-VALUE})")
    long seed;

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Size size;

    static final class Size {
        @Option(names = "--requests", paramLabel = "N", description = "simulate N requests")
        Integer requests;
        @Option(names = "--bytes", paramLabel = "SIZE", description = "write until SIZE bytes, e.g. 500M, 1G, 10G")
        String bytes;
    }

    @Option(names = "--start", paramLabel = "INSTANT", description = "first timestamp (default: 2026-01-06T10:00:00Z)")
    Instant start;

    @Option(names = "--processes", defaultValue = "0", description = "worker processes (default: the scenario's)")
    int processes;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "write the log to FILE instead of stdout")
    Path output;

    @Option(names = "--truth", paramLabel = "FILE", description = "also write the expected figures as JSON")
    Path truth;

    @Option(names = "--force", description = "replace files that already exist")
    boolean force;

    @Option(names = "--week", paramLabel = "DIR",
            description = "instead, write a generated week into DIR: rotated app.jsonl files, incident on Wednesday (docs/weekly-report.md)")
    Path week;

    @Option(names = "--samples", paramLabel = "DIR",
            description = "instead, write the four bundled samples and their expected figures into DIR (samples/README.md)")
    Path samples;

    @Override
    public Integer call() throws IOException, UsageException {
        if (week != null || samples != null) {
            return sets();
        }
        if (scenario == null || size == null) {
            throw new UsageException("generate needs --scenario and one of --requests or --bytes (or --week, --samples)");
        }
        GeneratorConfig config = config();
        if (output != null) {
            OutputTarget.requireWritable(output, force);
        }
        if (truth != null) {
            OutputTarget.requireWritable(truth, force);
        }
        Truth t;
        if (output == null) {
            OutputStream stdout = new BufferedOutputStream(System.out, 1 << 16);
            t = LogGenerator.generate(config, stdout);
            stdout.flush();
        } else {
            try (OutputStream out = new BufferedOutputStream(OutputTarget.open(output, force), 1 << 16)) {
                t = LogGenerator.generate(config, out);
            }
        }
        if (truth != null) {
            try (OutputStream out = OutputTarget.open(truth, force)) {
                TruthJson.write(t, out);
            }
        }
        spec.commandLine().getErr().printf(Locale.ROOT, "%s seed=%d: %d lines, %d bytes%n", t.scenario(), t.seed(),
                t.lines(), t.bytes());
        return ExitCode.OK;
    }

    /** The fixed sets of logs the docs and tests use, written into a folder. */
    private int sets() throws IOException, UsageException {
        if (week != null && samples != null || scenario != null || size != null) {
            throw new UsageException("--week and --samples each stand alone: no --scenario, size or second set");
        }
        for (Path p : week != null ? WeekSamples.files(week) : BundledSamples.files(samples)) {
            OutputTarget.requireWritable(p, force);
        }
        List<Truth> written = week != null ? WeekSamples.write(week, WeekSamples.REQUESTS_PER_DAY)
                : BundledSamples.write(samples);
        for (Truth t : written) {
            spec.commandLine().getErr().printf(Locale.ROOT, "%s %s: %d lines, %d bytes%n", t.scenario(),
                    t.firstTimestamp(), t.lines(), t.bytes());
        }
        return ExitCode.OK;
    }

    private GeneratorConfig config() throws UsageException {
        try {
            Scenario s = Scenario.parse(scenario);
            GeneratorConfig c = size.requests != null ? GeneratorConfig.ofRequests(s, seed, size.requests)
                    : GeneratorConfig.ofBytes(s, seed, parseSize(size.bytes));
            if (start != null) {
                c = c.withStart(start);
            }
            return processes > 0 ? c.withProcesses(processes) : c;
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    static long parseSize(String text) {
        String t = text.strip().toUpperCase(Locale.ROOT);
        long unit = switch (t.isEmpty() ? ' ' : t.charAt(t.length() - 1)) {
            case 'K' -> 1L << 10;
            case 'M' -> 1L << 20;
            case 'G' -> 1L << 30;
            default -> 1;
        };
        String number = unit == 1 ? t : t.substring(0, t.length() - 1);
        try {
            long n = Long.parseLong(number);
            if (n <= 0) {
                throw new NumberFormatException();
            }
            return Math.multiplyExact(n, unit);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("'" + text + "' is not a size (examples: 10M, 1G)");
        }
    }
}
