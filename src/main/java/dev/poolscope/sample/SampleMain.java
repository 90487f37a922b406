package dev.poolscope.sample;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Plain entry point until the CLI wraps it:
 * {@code <scenario> <seed> <requests|--bytes N> <out.jsonl|-> [<truth.json>]}.
 */
public final class SampleMain {
    private static final String USAGE =
            "usage: SampleMain <healthy|leaky-routers|timeout-storm|mixed-processes> <seed>"
                    + " <requests|--bytes N> <out.jsonl|-> [<truth.json>]";

    private SampleMain() {}

    public static void main(String[] args) throws IOException {
        System.exit(run(args, System.out, System.err));
    }

    /** Testable core of {@link #main}; returns the exit code. */
    static int run(String[] args, PrintStream stdout, PrintStream stderr) throws IOException {
        GeneratorConfig config;
        int next;
        try {
            Scenario scenario = Scenario.parse(args[0]);
            long seed = Long.parseLong(args[1]);
            if (args[2].equals("--bytes")) {
                config = GeneratorConfig.ofBytes(scenario, seed, Long.parseLong(args[3]));
                next = 4;
            } else {
                config = GeneratorConfig.ofRequests(scenario, seed, Integer.parseInt(args[2]));
                next = 3;
            }
            if (args.length < next + 1 || args.length > next + 2) {
                throw new IllegalArgumentException("wrong number of arguments");
            }
        } catch (RuntimeException e) {
            stderr.println(USAGE);
            stderr.println("error: " + (e.getMessage() == null ? e : e.getMessage()));
            return 2;
        }
        String out = args[next];
        Truth truth;
        if (out.equals("-")) {
            truth = LogGenerator.generate(config, stdout);
        } else {
            try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(Path.of(out)), 1 << 16)) {
                truth = LogGenerator.generate(config, os);
            }
        }
        if (args.length > next + 1) {
            try (OutputStream os = Files.newOutputStream(Path.of(args[next + 1]))) {
                TruthJson.write(truth, os);
            }
        }
        stderr.printf("%s seed=%d: %d lines, %d bytes, getconn=%d putconn=%d leaked=%d failed=%d%n",
                truth.scenario(), truth.seed(), truth.lines(), truth.bytes(), truth.getconn(),
                truth.putconn(), truth.leakedCheckouts(), truth.getconnFailed());
        return 0;
    }
}
