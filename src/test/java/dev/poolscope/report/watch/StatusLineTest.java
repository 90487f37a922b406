package dev.poolscope.report.watch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.poolscope.testing.LiveSamples;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class StatusLineTest {
    private final LiveSamples sample = new LiveSamples("req-1");

    @Test
    void firstStatusShowsEveryFieldCountedSinceTheStart() {
        String line = StatusLine.format(sample.first, null, LiveSamples.T0.plusSeconds(100), Duration.ZERO, 0, false);
        assertThat(line).isEqualTo("2026-01-01T00:01:40Z CRITICAL used 75 (peak 75, max 80) | open 1 | delta +1"
                + " | so far: 3 events, 0 failed, 1 timeouts | oldest 1m35s req-1 GET /api/x (ended)");
    }

    @Test
    void laterStatusesCountTheIntervalOnly() {
        String line = StatusLine.format(sample.second, sample.first, LiveSamples.T0.plusSeconds(110),
                Duration.ofSeconds(10), 0, false);
        assertThat(line).isEqualTo("2026-01-01T00:01:50Z CRITICAL used 74 (peak 75, max 80) | open 0 | delta +0"
                + " | in 10s: 1 events, 0 failed, 0 timeouts | oldest -");
    }

    @Test
    void isCutToTheTerminalWidthAndColoursOnlyTheLevel() {
        String line = StatusLine.format(sample.first, null, LiveSamples.T0, Duration.ZERO, 40, true);
        // 39 visible characters and the ellipsis: 21 for the time, 8 for the level, 10 for " used 75 ("
        assertThat(line).isEqualTo("2026-01-01T00:00:00Z \u001b[1;31mCRITICAL\u001b[0m used 75 (…");
    }

    @Test
    void logTextCannotDrawOnTheTerminal() {
        LiveSamples hostile = new LiveSamples("evil\u001b[2J\rid");
        String line = StatusLine.format(hostile.first, null, LiveSamples.T0, Duration.ZERO, 0, false);
        assertThat(line).endsWith("oldest 1m35s evil?[2J?id GET /api/x (ended)").doesNotContain("\u001b");
    }

    @Test
    void agesReadLikeAPersonWouldSayThem() {
        long s = 1_000_000L;
        assertThat(StatusLine.age(850_000)).isEqualTo("850ms");
        assertThat(StatusLine.age(42 * s)).isEqualTo("42s");
        assertThat(StatusLine.age(725 * s)).isEqualTo("12m05s");
        assertThat(StatusLine.age(3 * 3600 * s + 125 * s)).isEqualTo("3h02m");
        assertThat(StatusLine.age(2 * 86_400 * s + 4 * 3600 * s)).isEqualTo("2d04h");
        assertThat(StatusLine.age(-1)).isEqualTo("?");
    }
}
