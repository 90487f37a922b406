package dev.poolscope.analysis;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Settings of one analysis, validated once.
 *
 * @param grace         an open checkout older than this at the log's last timestamp is a leak even if
 *                      its request never logged its end
 * @param leakThreshold a checkout held longer than this is reported as a long hold (HikariCP's
 *                      leakDetectionThreshold idea)
 * @param mergeGap      near-exhaustion windows closer than this are merged into one
 * @param maxItems      cap on every listed item (leaks, holds, windows, timeouts); totals stay exact
 * @param bucket        timeline bucket width; {@link Duration#ZERO} chooses one from the log's span
 * @param originSkip    {@code --origin-skip}: a regular expression of stack frames never taken as a leak's
 *                      origin (issue #16), or null
 * @param signatures    user-defined signatures to count (docs/findings.md)
 */
public record AnalysisOptions(Duration grace, Duration leakThreshold, Duration mergeGap, int maxItems,
                              Thresholds thresholds, Duration bucket, String originSkip,
                              List<SignatureSpec> signatures) {

    public AnalysisOptions {
        Objects.requireNonNull(thresholds, "thresholds");
        signatures = List.copyOf(signatures);
        requireNonNegative("grace", grace);
        requireNonNegative("leak threshold", leakThreshold);
        requireNonNegative("merge gap", mergeGap);
        requireNonNegative("bucket", bucket);
        if (!bucket.isZero() && bucket.toNanos() < 1_000) {
            throw new IllegalArgumentException("bucket must be at least 1 microsecond, got " + bucket);
        }
        if (maxItems < 1) {
            throw new IllegalArgumentException("max items must be at least 1, got " + maxItems);
        }
        if (originSkip != null) {
            try {
                Pattern.compile(originSkip);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("--origin-skip is not a regular expression: " + e.getDescription());
            }
        }
    }

    /** Settings without {@code --origin-skip} and user signatures. */
    public AnalysisOptions(Duration grace, Duration leakThreshold, Duration mergeGap, int maxItems,
                           Thresholds thresholds, Duration bucket) {
        this(grace, leakThreshold, mergeGap, maxItems, thresholds, bucket, null, List.of());
    }

    /** Settings with {@code --origin-skip}, without user signatures. */
    public AnalysisOptions(Duration grace, Duration leakThreshold, Duration mergeGap, int maxItems,
                           Thresholds thresholds, Duration bucket, String originSkip) {
        this(grace, leakThreshold, mergeGap, maxItems, thresholds, bucket, originSkip, List.of());
    }

    /** The same settings with these health thresholds. */
    public AnalysisOptions withThresholds(Thresholds t) {
        return new AnalysisOptions(grace, leakThreshold, mergeGap, maxItems, t, bucket, originSkip, signatures);
    }

    Pattern originSkipPattern() {
        return originSkip == null ? null : Pattern.compile(originSkip);
    }

    /** The same settings counting these user signatures too. */
    public AnalysisOptions withSignatures(List<SignatureSpec> signatures) {
        return new AnalysisOptions(grace, leakThreshold, mergeGap, maxItems, thresholds, bucket, originSkip,
                signatures);
    }

    /** Whether a signature reads loggers, which the decoder then maps ({@code FieldMapping.readingLoggers}). */
    public boolean readsLoggers() {
        return signatures.stream().anyMatch(s -> s.match() == SignatureSpec.Match.LOGGER);
    }

    /** Settings with an automatic timeline bucket. */
    public AnalysisOptions(Duration grace, Duration leakThreshold, Duration mergeGap, int maxItems,
                           Thresholds thresholds) {
        this(grace, leakThreshold, mergeGap, maxItems, thresholds, Duration.ZERO);
    }

    public static AnalysisOptions defaults() {
        return new AnalysisOptions(Duration.ofSeconds(60), Duration.ofSeconds(60), Duration.ofSeconds(5), 1000,
                Thresholds.defaults());
    }

    long graceMicros() {
        return micros(grace);
    }

    long leakThresholdMicros() {
        return micros(leakThreshold);
    }

    long mergeGapMicros() {
        return micros(mergeGap);
    }

    long bucketMicros() {
        return micros(bucket);
    }

    private static long micros(Duration d) {
        return d.toNanos() / 1_000;
    }

    private static void requireNonNegative(String name, Duration d) {
        Objects.requireNonNull(d, name);
        if (d.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative: " + d);
        }
    }
}
