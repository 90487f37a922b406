package dev.poolscope.cli;

import dev.poolscope.analysis.AnalysisOptions;
import dev.poolscope.analysis.Threshold;
import dev.poolscope.analysis.Thresholds;
import java.time.Duration;
import picocli.CommandLine.Option;

/** Analysis settings and health thresholds (docs/thresholds.md). */
public final class AnalysisSettings {
    @Option(names = "--grace", paramLabel = "DURATION", converter = DurationConverter.class, defaultValue = "60s",
            description = "an open checkout older than this at the end of the log is a leak (default: ${DEFAULT-VALUE})")
    Duration grace;
    @Option(names = "--leak-threshold", paramLabel = "DURATION", converter = DurationConverter.class,
            defaultValue = "60s", description = "report checkouts held longer than this (default: ${DEFAULT-VALUE})")
    Duration leakThreshold;
    @Option(names = "--merge-gap", paramLabel = "DURATION", converter = DurationConverter.class, defaultValue = "5s",
            description = "merge near-exhaustion windows closer than this (default: ${DEFAULT-VALUE})")
    Duration mergeGap;
    @Option(names = "--max-items", paramLabel = "N", defaultValue = "1000",
            description = "list at most N leaks, holds, windows, timeouts; totals stay exact (default: ${DEFAULT-VALUE})")
    int maxItems;
    @Option(names = "--bucket", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "timeline bucket of --csv, --chart, --html (default: from the log's span, 100-2000 buckets)")
    Duration bucket;

    @Option(names = "--used-normal", paramLabel = "N", defaultValue = "10", description = "pool used normal up to N (default: ${DEFAULT-VALUE})")
    long usedNormal;
    @Option(names = "--used-critical", paramLabel = "N", defaultValue = "70", description = "pool used critical above N (default: ${DEFAULT-VALUE})")
    long usedCritical;
    @Option(names = "--delta-normal", paramLabel = "N", defaultValue = "2", description = "getconn - putconn normal up to N (default: ${DEFAULT-VALUE})")
    long deltaNormal;
    @Option(names = "--delta-critical", paramLabel = "N", defaultValue = "10", description = "getconn - putconn critical above N (default: ${DEFAULT-VALUE})")
    long deltaCritical;
    @Option(names = "--requests-normal", paramLabel = "N", defaultValue = "0", description = "requests without close normal up to N (default: ${DEFAULT-VALUE})")
    long requestsNormal;
    @Option(names = "--requests-critical", paramLabel = "N", defaultValue = "0", description = "requests without close critical above N (default: ${DEFAULT-VALUE})")
    long requestsCritical;

    public AnalysisOptions options() throws UsageException {
        try {
            Thresholds t = new Thresholds(new Threshold(usedNormal, usedCritical), new Threshold(deltaNormal, deltaCritical),
                    new Threshold(requestsNormal, requestsCritical));
            return new AnalysisOptions(grace, leakThreshold, mergeGap, maxItems, t, bucket == null ? Duration.ZERO : bucket);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
