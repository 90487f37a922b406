package dev.poolscope.cli;

import dev.poolscope.feed.Pipeline;
import dev.poolscope.findings.FindingConfig;
import dev.poolscope.feed.ReadOptions;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Options every log-reading command shares: line limits and colour, then how to decode and analyse. */
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

    @Mixin
    DecodeOptions decode;

    @Mixin
    AnalysisSettings settings;

    /** The field, event and dialect options. */
    public DecodeOptions decode() {
        return decode;
    }

    /** The analysis settings: grace, leak threshold, thresholds and the rest. */
    public AnalysisSettings settings() {
        return settings;
    }

    /** {@code --max-line-bytes}, checked. */
    public int maxLineBytes() throws UsageException {
        if (maxLineBytes < 1024) {
            throw new UsageException("--max-line-bytes must be at least 1024");
        }
        return maxLineBytes;
    }

    Pipeline pipeline() throws UsageException {
        return pipeline(ReadOptions.defaults());
    }

    Pipeline pipeline(ReadOptions read) throws UsageException {
        return pipeline(read, FindingConfig.defaults());
    }

    /** A pipeline that also counts the user rules' signatures. */
    Pipeline pipeline(ReadOptions read, FindingConfig findings) throws UsageException {
        try {
            return new Pipeline(decode.mapping(), decode.names(),
                    settings.options().withSignatures(findings.signatures()), maxLineBytes(), read)
                    .withDialect(decode.dialect());
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
