package dev.poolscope.gate;

import dev.poolscope.analysis.Level;
import dev.poolscope.analysis.Threshold;
import dev.poolscope.analysis.Thresholds;
import java.util.ArrayList;
import java.util.List;

/** Evaluates a {@link GatePolicy} against a run's figures. Pure, so every rule is unit-testable. */
public final class Gate {
    private Gate() {}

    /**
     * One check per metric that has a limit; metrics the health table does not rate (statement timeouts,
     * failed getconn) are checked only when a hard limit or a baseline gives them one.
     */
    public static Verdict evaluate(Figures actual, Thresholds bands, GatePolicy policy) {
        List<GateResult> checks = new ArrayList<>();
        for (Metric m : Metric.values()) {
            long value = m.of(actual);
            Long max = policy.maxima().get(m);
            if (max != null) {
                checks.add(new GateResult(m, value, max, GateResult.Basis.SETTING, -1));
            } else if (policy.baseline().isPresent() && m.of(policy.baseline().get()) != GateResult.NOT_AVAILABLE) {
                long base = m.of(policy.baseline().get());
                long limit = saturatedAdd(base, policy.tolerance().of(Math.max(0, base)));
                checks.add(new GateResult(m, value, limit, GateResult.Basis.BASELINE, base));
            } else if (m.band(bands) != null) {
                Threshold band = m.band(bands);
                checks.add(policy.failOn() == Level.WARNING
                        ? new GateResult(m, value, band.normalMax(), GateResult.Basis.HEALTH_WARNING, -1)
                        : new GateResult(m, value, band.criticalAbove(), GateResult.Basis.HEALTH_CRITICAL, -1));
            }
        }
        return new Verdict(checks);
    }

    private static long saturatedAdd(long a, long b) {
        long sum = a + b;
        return ((a ^ sum) & (b ^ sum)) < 0 ? Long.MAX_VALUE : sum;
    }
}
