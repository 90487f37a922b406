package dev.poolscope.cli;

import static dev.poolscope.testing.LogLine.getconn;
import static dev.poolscope.testing.LogLine.putconn;
import static org.assertj.core.api.Assertions.assertThat;

import dev.poolscope.analysis.Diagnosis;
import dev.poolscope.analysis.TimeQuality;
import dev.poolscope.feed.InputException;
import dev.poolscope.io.ReadMode;
import dev.poolscope.testing.LogLine;
import dev.poolscope.testing.Run;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Zones, unreadable and out-of-order timestamps, through the pipeline. */
class TimestampsPipelineTest {

    @ParameterizedTest
    @EnumSource(ReadMode.class)
    void differentZonesMeanTheSameInstantsAndAreListed(ReadMode mode) throws InputException {
        String log = String.join("\n",
                getconn("r1", "c1", "2026-01-01T01:00:00+01:00").toString(),   // 00:00:00 UTC
                putconn("r1", "c1", "2026-01-01T00:00:01Z").toString(),        // held exactly 1 s
                getconn("r2", "c2", "2025-12-31T19:00:02-05:00").toString(),   // 00:00:02 UTC
                putconn("r2", "c2", "2026-01-01 00:00:04").toString(),         // no zone: read as UTC, held 2 s
                LogLine.of("pool.getconn.success").with("request_id", "r3").with("conn_id", "c3").with("pid", 1)
                        .with("ts", 1767225605.5).toString(),                  // epoch seconds: 00:00:05.5
                putconn("r3", "c3", "yesterday").toString(),                   // unreadable: takes the previous time
                "");
        Diagnosis d = Run.pipeline(mode.stream(log.getBytes(StandardCharsets.UTF_8)), 1 << 20);
        var ts = d.input().timestamps();
        assertThat(ts.zones()).isEqualTo(Map.of("+01:00", 1L, "Z", 1L, "-05:00", 1L, "none (read as UTC)", 1L,
                "epoch", 1L));
        assertThat(ts.withoutZone()).isEqualTo(1);
        assertThat(ts.unreadable()).isEqualTo(1);
        assertThat(d.counts().missingTimestamps()).isEqualTo(1);
        assertThat(d.checkouts().leakedCheckouts() + d.checkouts().orphanPutconn()).isZero();
        var holds = d.checkouts().holdTimes().histogram();
        assertThat(holds.getTotalCount()).isEqualTo(3);
        assertThat(holds.getMinValue()).isZero();                                // r3: given r3's checkout time
        assertThat(holds.getMaxValue()).isEqualTo(holds.highestEquivalentValue(2_000_000));
        assertThat(d.time().outOfOrder()).isZero();
        assertThat(d.counts().firstTime()).isEqualTo(1_767_225_600_000_000L);
    }

    /** The real capture: one process, threads stamping times before they write (counted with a script). */
    @Test
    void theRealCaptureHasThirtySevenSmallStepsBack() throws IOException, InputException {
        try (InputStream in = getClass().getResourceAsStream("/fixtures/real-structlog/app.jsonl")) {
            Diagnosis d = Run.pipeline(in, 1 << 20);
            TimeQuality t = d.time();
            assertThat(t.outOfOrder()).isEqualTo(37);
            assertThat(t.largestStepBack()).isEqualTo(12_500);
            assertThat(t.stepBackAt().line()).isEqualTo(33);
            assertThat(t.negativeHolds()).isZero();
            assertThat(d.input().timestamps().zones()).isEqualTo(Map.of("Z", 17_803L));
            assertThat(d.input().malformedLines() + d.input().repairedLines() + d.input().recoveredRecords()).isZero();
        }
    }
}
