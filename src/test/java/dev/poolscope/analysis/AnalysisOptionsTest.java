package dev.poolscope.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * AnalysisOptions' rules (validated once, docs/metrics.md and docs/findings.md): no duration may be negative
 * (grace, leak threshold, merge gap, bucket), a bucket other than "automatic" (zero) is at least one
 * microsecond, at least one item is listed, {@code --origin-skip} must be a regular expression and is used as
 * written, and the decoder maps loggers only when a user signature reads them.
 */
class AnalysisOptionsTest {
    private static final Duration S = Duration.ofSeconds(1);
    private static final Duration NEG = Duration.ofNanos(-1);

    private static AnalysisOptions opts(Duration grace, Duration threshold, Duration gap, Duration bucket) {
        return new AnalysisOptions(grace, threshold, gap, 10, Thresholds.defaults(), bucket);
    }

    @Test
    void everyDurationMustNotBeNegativeAndNamesItself() {
        assertThatThrownBy(() -> opts(NEG, S, S, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("grace must not be negative");
        assertThatThrownBy(() -> opts(S, NEG, S, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("leak threshold must not be negative");
        assertThatThrownBy(() -> opts(S, S, NEG, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("merge gap must not be negative");
        assertThatThrownBy(() -> opts(S, S, S, Duration.ofSeconds(-5)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("bucket must not be negative");
        // zero is allowed for each
        assertThatNoException().isThrownBy(() -> opts(Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO));
    }

    @Test
    void aMissingDurationIsRefusedByName() {
        assertThatThrownBy(() -> opts(null, S, S, Duration.ZERO)).isInstanceOf(NullPointerException.class)
                .hasMessage("grace");
        assertThatThrownBy(() -> opts(S, null, S, Duration.ZERO)).isInstanceOf(NullPointerException.class)
                .hasMessage("leak threshold");
        assertThatThrownBy(() -> opts(S, S, null, Duration.ZERO)).isInstanceOf(NullPointerException.class)
                .hasMessage("merge gap");
        assertThatThrownBy(() -> opts(S, S, S, null)).isInstanceOf(NullPointerException.class)
                .hasMessage("bucket");
    }

    @Test
    void aBucketIsAtLeastOneMicrosecondUnlessAutomatic() {
        assertThatThrownBy(() -> opts(S, S, S, Duration.ofNanos(999)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 1 microsecond");
        assertThat(opts(S, S, S, Duration.ofNanos(1_000)).bucketMicros()).isEqualTo(1);
        assertThat(opts(S, S, S, Duration.ZERO).bucketMicros()).isZero();
    }

    @Test
    void atLeastOneItemIsListed() {
        assertThatThrownBy(() -> new AnalysisOptions(S, S, S, 0, Thresholds.defaults()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 1");
        assertThat(new AnalysisOptions(S, S, S, 1, Thresholds.defaults()).maxItems()).isEqualTo(1);
    }

    @Test
    void durationsAreReadInMicroseconds() {
        AnalysisOptions o = opts(Duration.ofMillis(1500), Duration.ofSeconds(2), Duration.ofNanos(7_999),
                Duration.ofMillis(3));
        assertThat(o.graceMicros()).isEqualTo(1_500_000);
        assertThat(o.leakThresholdMicros()).isEqualTo(2_000_000);
        assertThat(o.mergeGapMicros()).isEqualTo(7);   // whole microseconds, rounded down
        assertThat(o.bucketMicros()).isEqualTo(3_000);
    }

    @Test
    void originSkipMustBeARegularExpressionAndIsUsedAsWritten() {
        assertThatThrownBy(() -> new AnalysisOptions(S, S, S, 10, Thresholds.defaults(), Duration.ZERO, "com.(acme"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("--origin-skip is not a regular expression");
        AnalysisOptions o = new AnalysisOptions(S, S, S, 10, Thresholds.defaults(), Duration.ZERO, "com\\.acme\\.db\\.");
        assertThat(o.originSkipPattern().matcher("com.acme.db.Repo.find").lookingAt()).isTrue();
        assertThat(o.originSkipPattern().matcher("com.acme.web.Api.get").lookingAt()).isFalse();
        // kept through the copies that change thresholds or signatures
        assertThat(o.withThresholds(Thresholds.defaults()).originSkipPattern().pattern()).isEqualTo("com\\.acme\\.db\\.");
        assertThat(o.withSignatures(List.of()).originSkipPattern().pattern()).isEqualTo("com\\.acme\\.db\\.");
        assertThat(AnalysisOptions.defaults().originSkipPattern()).isNull();
    }

    @Test
    void loggersAreReadOnlyWhenASignatureMatchesOne() {
        Duration w = Duration.ofMinutes(1);
        AnalysisOptions none = AnalysisOptions.defaults();
        assertThat(none.readsLoggers()).isFalse();
        AnalysisOptions others = none.withSignatures(List.of(
                new SignatureSpec("e", SignatureSpec.Match.EVENT, "db_error", w),
                new SignatureSpec("m", SignatureSpec.Match.MESSAGE, "deadlock", w),
                new SignatureSpec("s", SignatureSpec.Match.SQLSTATE, "40P01", w)));
        assertThat(others.readsLoggers()).isFalse();
        AnalysisOptions logger = none.withSignatures(List.of(
                new SignatureSpec("e", SignatureSpec.Match.EVENT, "db_error", w),
                new SignatureSpec("l", SignatureSpec.Match.LOGGER, "app.db", w)));
        assertThat(logger.readsLoggers()).isTrue();
        assertThat(logger.signatures()).hasSize(2);
    }
}
