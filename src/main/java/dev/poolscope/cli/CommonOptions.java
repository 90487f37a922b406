package dev.poolscope.cli;

import dev.poolscope.feed.Pipeline;
import dev.poolscope.feed.ReadOptions;
import picocli.CommandLine.Model.CommandSpec;
import dev.poolscope.feed.Pipeline;
import picocli.CommandLine.Option;

/** Options every log-reading command shares. */
public final class CommonOptions {
    /** Large enough for any sane log line, small enough that one hostile line cannot exhaust memory. */
    static final int DEFAULT_MAX_LINE_BYTES = Pipeline.DEFAULT_MAX_LINE_BYTES;

    enum ColorMode { AUTO, ALWAYS, NEVER }

    @Option(names = "--max-line-bytes", paramLabel = "N", defaultValue = "16777216",
            description = "skip (and count as malformed) lines longer than N bytes (default: ${DEFAULT-VALUE})")
    int maxLineBytes;

    @Option(names = "--color", paramLabel = "WHEN", defaultValue = "auto",
            description = "colour the text report: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}; auto means on a terminal and NO_COLOR unset)")
    ColorMode color;

    /** {@code --max-line-bytes}, checked. */
    public int maxLineBytes() throws UsageException {
        if (maxLineBytes < 1024) {
            throw new UsageException("--max-line-bytes must be at least 1024");
        }
        return maxLineBytes;
    }

    Pipeline pipeline(DecodeOptions decode, AnalysisSettings settings) throws UsageException {
        return pipeline(decode, settings, ReadOptions.defaults());
    }

    Pipeline pipeline(DecodeOptions decode, AnalysisSettings settings, ReadOptions read) throws UsageException {
        try {
            return new Pipeline(decode.mapping(), decode.names(), settings.options(), maxLineBytes(), read);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    boolean color(CommandSpec spec) {
        return switch (color) {
            case ALWAYS -> true;
            case NEVER -> false;
            case AUTO -> System.getenv("NO_COLOR") == null && System.console() != null
                    && spec.commandLine().getOut() != null;
        };
    }
}
