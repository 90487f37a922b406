package dev.poolscope.gate;

import java.util.List;

/** The outcome of every check, in {@link Metric} order. */
public record Verdict(List<GateResult> checks) {

    public Verdict {
        checks = List.copyOf(checks);
    }

    public boolean passed() {
        return checks.stream().allMatch(GateResult::passed);
    }

    public List<GateResult> failures() {
        return checks.stream().filter(c -> !c.passed()).toList();
    }

    /** A leak figure failed: worth listing the leaked requests. */
    public boolean leakFailed() {
        return checks.stream().anyMatch(c -> !c.passed() && c.metric().isLeak());
    }
}
