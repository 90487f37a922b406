package dev.poolscope.analysis;

import java.util.List;
import java.util.Map;

/** {@link PoolUsageTracker}'s whole state, for a summary: per-process machines, handed-out windows, the peak. */
public record UsageState(Map<String, ProcessState> processes, List<Window> closed, long closedCount, int peak,
                         long peakAt, String peakProcess, int poolMax) {

    public UsageState {
        processes = Map.copyOf(processes);
        closed = List.copyOf(closed);
    }
}
