package dev.poolscope.gate;

import java.util.List;

/** The outcome of every check, in {@link Metric} order. */
public record Verdict(List<GateResult> checks) {

    public Verdict {
        checks = List.copyOf(checks);
    }

    /** No check failed; checks of figures the log cannot observe neither pass nor fail. */
    public boolean passed() {
        return checks.stream().noneMatch(GateResult::failed);
    }

    public List<GateResult> failures() {
        return checks.stream().filter(GateResult::failed).toList();
    }

    /** Checks of figures the log's dialect cannot observe (reported as n/a, not judged). */
    public List<GateResult> notObservable() {
        return checks.stream().filter(GateResult::notObservable).toList();
    }

    /** A leak figure failed: worth listing the leaked requests. */
    public boolean leakFailed() {
        return checks.stream().anyMatch(c -> c.failed() && c.metric().isLeak());
    }
}
