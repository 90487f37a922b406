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

    @Option(names = {"--used-normal", "--pool-normal"}, paramLabel = "N|P%",
            description = "pool used normal up to N, or P%% of the pool's maximum (default: 10 for a pool of 80, scaled to the pool's maximum when the log states another: 12.5%%)")
    String usedNormal;
    @Option(names = {"--used-critical", "--pool-critical"}, paramLabel = "N|P%",
            description = "pool used critical above N, or P%% of the pool's maximum (default: 70 for a pool of 80, scaled likewise: 87.5%%)")
    String usedCritical;
    @Option(names = "--origin-skip", paramLabel = "REGEX",
            description = "stack frames matching REGEX are never a leak's origin (HikariCP leak warnings), besides library frames and helpers every borrow passes through")
    String originSkip;
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
            PoolUsedOption used = PoolUsedOption.of(usedNormal, usedCritical);
            Thresholds t = new Thresholds(used.threshold(), new Threshold(deltaNormal, deltaCritical),
                    new Threshold(requestsNormal, requestsCritical), used.scale());
            return new AnalysisOptions(grace, leakThreshold, mergeGap, maxItems, t, bucket == null ? Duration.ZERO : bucket,
                    originSkip);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
