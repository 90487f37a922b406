package dev.poolscope.analysis;

import dev.poolscope.event.PoolEvent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Peak pool usage and near-exhaustion windows, tracked per process since each process has its own pool. */
public final class PoolUsageTracker implements Analyzer<PoolResult> {
    private static final Comparator<Window> BY_START =
            Comparator.comparingLong(Window::start).thenComparing(Window::process);

    private final AnalysisOptions options;
    private final Map<String, ProcessUsage> processes = new HashMap<>();
    private final List<Window> closed = new ArrayList<>();
    private long closedCount;
    private int peak = -1;
    private long peakAt = PoolEvent.NO_TIME;
    private String peakProcess;
    private int poolMax = -1;
    private int lastUsed = PoolEvent.NO_COUNT;

    public PoolUsageTracker(AnalysisOptions options) {
        this.options = options;
    }

    @Override
    public void accept(PoolEvent e) {
        ProcessUsage usage = processes.computeIfAbsent(e.process(), ProcessUsage::new);
        int used = usage.usage(e);
        lastUsed = used;
        if (used > peak) {
            peak = used;
            peakAt = e.time();
            peakProcess = e.process();
        }
        poolMax = Math.max(poolMax, e.poolMax());
        if (!e.hasTime()) {
            return;   // only lines before the first timestamp: a window cannot be placed in time
        }
        List<Window> done = new ArrayList<>(0);
        usage.step(e, used, (int) options.thresholds().poolUsed().criticalAbove(), options.mergeGapMicros(), done);
        for (Window w : done) {
            closedCount++;
            if (closed.size() < options.maxItems()) {
                closed.add(w);
            }
        }
    }

    /** The pool used the last event showed, or {@link PoolEvent#NO_COUNT}; read by the timeline. */
    int lastUsed() {
        return lastUsed;
    }

    @Override
    public PoolResult finish() {
        List<Window> all = new ArrayList<>(closed);
        long count = closedCount;
        long above = 0;
        for (ProcessUsage usage : processes.values()) {
            int before = all.size();
            usage.flush(options.mergeGapMicros(), all);
            count += all.size() - before;
            above += usage.aboveMicros();
        }
        all.sort(BY_START);
        List<Window> capped = all.size() <= options.maxItems() ? all : all.subList(0, options.maxItems());
        return new PoolResult(peak, peakAt, peakProcess, poolMax, capped, count, above);
    }
}
