package dev.poolscope.cli;

import dev.poolscope.feed.Progress;
import dev.poolscope.feed.ReadOptions;
import picocli.CommandLine.Option;

/** Options that change how fast a log is read, never what is found (docs/performance.md). */
public final class SpeedOptions {
    @Option(names = "--threads", paramLabel = "N", defaultValue = "0",
            description = "threads: 1 reads, decodes and analyses on one; N adds N-1 decoding threads; "
                    + "0 = the cores, up to 4, for inputs of 64 MB or more, else 1 (default: ${DEFAULT-VALUE})")
    int threads;

    @Option(names = "--no-prefilter", negatable = false,
            description = "parse every line with jackson, skipping the byte-level pre-filter (for checking it)")
    boolean noPrefilter;

    @Option(names = {"-q", "--quiet"}, description = "no progress display on stderr")
    boolean quiet;

    /** Progress shows only when stderr is a terminal; the launcher tells (Java cannot see it for stderr alone). */
    ReadOptions read(java.io.PrintWriter err) throws UsageException {
        boolean tty = Boolean.getBoolean("poolscope.stderr.tty");
        try {
            return new ReadOptions(threads, !noPrefilter,
                    quiet || !tty ? Progress.Display.OFF : new Progress.Display(err));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
