package dev.poolscope.analysis;

import dev.poolscope.event.PoolEvent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Peak pool usage and near-exhaustion windows, tracked per process since each process has its own pool.
 * The listed windows are the earliest {@code maxItems} by start and the peak is the earliest time the
 * highest usage was seen, so that summaries of consecutive parts merge to the same result.
 */
public final class PoolUsageTracker implements Analyzer<PoolResult> {
    private static final Comparator<Window> BY_START = (a, b) -> {
        int c = Long.compare(a.start(), b.start());
        return c != 0 ? c : a.process().compareTo(b.process());
    };

    /** Far more than any real deployment logs into one analysis. */
    static final int MAX_PROCESSES = 10_000;
    static final String OTHER_PROCESSES = "(other processes)";

    private final AnalysisOptions options;
    /** Worked out once: the Duration arithmetic cost a division per event. */
    private final long mergeGapMicros;
    private final Map<String, ProcessUsage> processes = new HashMap<>();
    /** Latest-starting on top, so the cap drops the latest. */
    private final PriorityQueue<Window> closed = new PriorityQueue<>(BY_START.reversed());
    private long closedCount;
    private int peak = -1;
    private long peakAt = PoolEvent.NO_TIME;
    private String peakProcess;
    private int poolMax = -1;
    private int criticalFor = Integer.MIN_VALUE;
    private int critical;
    private int lastUsed = PoolEvent.NO_COUNT;
    /** Windows the current event closed; reused because {@link #accept} runs once per line. */
    private final List<Window> done = new ArrayList<>();
    private UsageSink sink = UsageSink.NONE;

    public PoolUsageTracker(AnalysisOptions options) {
        this.options = options;
        this.mergeGapMicros = options.mergeGapMicros();
    }

    PoolUsageTracker(AnalysisOptions options, UsageSink sink) {
        this(options);
        this.sink = sink;
    }

    @Override
    public void accept(PoolEvent e) {
        ProcessUsage usage = processes.get(e.process());
        if (usage == null) {
            // A hostile log must not grow memory one pid at a time.
            String process = processes.size() >= MAX_PROCESSES ? OTHER_PROCESSES : e.process();
            usage = processes.computeIfAbsent(process, this::newProcess);
        }
        int used = usage.usage(e);
        lastUsed = used;
        if (used != PoolEvent.NO_COUNT) {
            sink.used(e.time(), used);
            offerPeak(used, e.time(), e.process());
        }
        poolMax = Math.max(poolMax, e.poolMax());
        if (!e.hasTime()) {
            return;   // only lines before the first timestamp: a window cannot be placed in time
        }
        usage.step(e, used, critical(), mergeGapMicros, done);
        if (!done.isEmpty()) {
            done.forEach(this::close);
            done.clear();
        }
    }

    private ProcessUsage newProcess(String name) {
        ProcessUsage u = new ProcessUsage(name);
        u.sink = sink;
        return u;
    }

    /** Scaled to the pool's maximum as soon as the log states it (issue #16); worked out again only when it changes. */
    private int critical() {
        if (criticalFor != poolMax) {
            criticalFor = poolMax;
            critical = (int) options.thresholds().resolvedFor(poolMax).poolUsed().criticalAbove();
        }
        return critical;
    }

    private void offerPeak(int used, long time, String process) {
        // ("compareTo <= 0" is equivalent: the same process at the same time and usage is the same peak)
        if (used > peak || (used == peak && (time < peakAt || time == peakAt && process.compareTo(peakProcess) < 0))) {
            peak = used;
            peakAt = time;
            peakProcess = process;
        }
    }

    private void close(Window w) {
        closedCount++;
        keep(w);
    }

    private void keep(Window w) {
        closed.add(w);
        if (closed.size() > options.maxItems()) {
            closed.poll();
        }
    }

    /** The pool used the last event showed, or {@link PoolEvent#NO_COUNT}; read by the timeline. */
    int lastUsed() {
        return lastUsed;
    }

    @Override
    public PoolResult finish() {
        return finish(PoolEvent.NO_TIME);
    }

    /** The result when the input's latest event is at {@code lastTime}: processes silent since then are not ongoing. */
    public PoolResult finish(long lastTime) {
        List<Window> all = new ArrayList<>(closed);
        long count = closedCount;
        long above = 0;
        for (ProcessUsage usage : processes.values()) {
            int before = all.size();
            usage.flush(lastTime, mergeGapMicros, all);
            count += all.size() - before;
            above += usage.aboveMicros();
        }
        all.sort(BY_START);
        // at exactly maxItems the sub-list holds the same windows ("<" is equivalent)
        List<Window> capped = all.size() <= options.maxItems() ? all : all.subList(0, options.maxItems());
        return new PoolResult(peak, peakAt, peakProcess, poolMax, capped, count, above);
    }

    UsageState state() {
        Map<String, ProcessState> states = new HashMap<>();
        processes.forEach((name, u) -> states.put(name, u.state()));
        List<Window> list = new ArrayList<>(closed);
        list.sort(BY_START);
        return new UsageState(states, list, closedCount, peak, peakAt, peakProcess, poolMax);
    }

    static PoolUsageTracker restore(AnalysisOptions options, UsageState s, UsageSink sink) {
        PoolUsageTracker t = new PoolUsageTracker(options, sink);
        s.processes().forEach((name, p) -> {
            ProcessUsage u = new ProcessUsage(name, p);
            u.sink = sink;
            t.processes.put(name, u);
        });
        s.closed().forEach(t::keep);
        t.closedCount = s.closedCount();
        t.peak = s.peak();
        t.peakAt = s.peakAt();
        t.peakProcess = s.peakProcess();
        t.poolMax = s.poolMax();
        return t;
    }

    /** Continues with a later summary's state: its processes' machines take over, window chains joined at the seam. */
    void continueWith(UsageState later) {
        later.closed().forEach(this::keep);
        closedCount += later.closedCount();
        later.processes().forEach((name, p) -> {
            ProcessUsage mine = processes.get(name);
            if (mine == null) {
                ProcessUsage u = new ProcessUsage(name, p);
                u.sink = sink;
                processes.put(name, u);
                return;
            }
            List<Window> joinedDone = new ArrayList<>(1);
            mine.continueWith(p, options.mergeGapMicros(), joinedDone, (old, joined) -> {
                // the later first window grows backwards; the count stays, the listed copy is replaced
                closed.remove(old);
                keep(joined);
            });
            joinedDone.forEach(this::close);
        });
        if (later.peak() >= 0) {
            offerPeak(later.peak(), later.peakAt(), later.peakProcess());
        }
        poolMax = Math.max(poolMax, later.poolMax());
    }
}
