package dev.poolscope.gate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.poolscope.analysis.Level;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class AlertGateTest {
    private static final long MIN = 60_000_000L;
    private final AlertGate gate = new AlertGate(Duration.ofMinutes(5));

    @Test
    void okAtStartIsTheBaselineAndEveryChangeAlerts() {
        assertThat(gate.offer(Level.OK, 0)).isNull();
        Alert warn = gate.offer(Level.WARNING, MIN);
        assertThat(warn).isEqualTo(new Alert(Level.OK, Level.WARNING, MIN, 0));
        assertThat(gate.offer(Level.WARNING, 2 * MIN)).isNull();
        assertThat(gate.offer(Level.CRITICAL, 3 * MIN)).isEqualTo(new Alert(Level.WARNING, Level.CRITICAL, 3 * MIN, 0));
        assertThat(gate.offer(Level.OK, 4 * MIN)).isEqualTo(new Alert(Level.CRITICAL, Level.OK, 4 * MIN, 0));
        assertThat(gate.sent()).isEqualTo(3);
    }

    @Test
    void aSickServiceAtStartAlertsWithoutAPreviousLevel() {
        assertThat(gate.offer(Level.CRITICAL, 0)).isEqualTo(new Alert(null, Level.CRITICAL, 0, 0));
    }

    @Test
    void aFlappingLevelAlertsOncePerCooldownAndCatchesUpAfterwards() {
        gate.offer(Level.OK, 0);
        assertThat(gate.offer(Level.WARNING, 0)).isNotNull();
        assertThat(gate.offer(Level.OK, MIN)).isNotNull();           // ok was never sent: goes out
        assertThat(gate.offer(Level.WARNING, 2 * MIN)).isNull();     // warning sent 2 min ago: held back
        assertThat(gate.offer(Level.OK, 3 * MIN)).isNull();          // back to what was announced
        assertThat(gate.offer(Level.WARNING, 4 * MIN)).isNull();     // still within 5 min of the first
        assertThat(gate.suppressed()).isEqualTo(3);
        Alert late = gate.offer(Level.WARNING, 5 * MIN);             // cooldown over, still warning
        assertThat(late).isEqualTo(new Alert(Level.OK, Level.WARNING, 5 * MIN, 3));
        assertThat(gate.suppressed()).isZero();
    }

    @Test
    void aZeroCooldownAnnouncesEveryChange() {
        AlertGate eager = new AlertGate(Duration.ZERO);
        eager.offer(Level.OK, 0);
        assertThat(eager.offer(Level.WARNING, 1)).isNotNull();
        assertThat(eager.offer(Level.OK, 2)).isNotNull();
        assertThat(eager.offer(Level.WARNING, 3)).isNotNull();
    }
}
