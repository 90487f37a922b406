package dev.poolscope.analysis;

import dev.poolscope.event.EventKind;
import dev.poolscope.event.PoolEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Pool usage for a summary: each process's steps are held back (its {@link UsageHead}) until it reports a
 * usage at or below the critical threshold; from that event on the usage tracker takes them as usual.
 * A standalone summary replays the heads from a fresh state; a merge replays them after the earlier
 * summary's state, which is what makes merged figures equal those of one pass.
 */
final class UsageRecorder {
    /** Steps held per process before giving up exactness (a process that never logs pool_used). */
    static final int HEAD_LIMIT = 20_000;

    private final AnalysisOptions options;
    private final PoolUsageTracker body;
    private final Map<String, Head> heads = new LinkedHashMap<>();
    private int poolMax = -1;

    private static final class Head {
        final List<UsageStep> steps = new ArrayList<>();
        boolean synced;
        boolean truncated;
    }

    UsageRecorder(AnalysisOptions options, UsageSink sink) {
        this.options = options;
        this.body = new PoolUsageTracker(options, sink);
    }

    void accept(PoolEvent e) {
        poolMax = Math.max(poolMax, e.poolMax());
        Head h = heads.get(e.process());
        if (h != null && h.synced) {
            body.accept(e);
            return;
        }
        if (!moves(e)) {
            return;   // changes nothing in a process's usage machine
        }
        if (h == null) {
            h = new Head();
            heads.put(e.process(), h);
        }
        h.steps.add(UsageStep.of(e));
        // critical as the usage tracker has it: scaled to the largest pool maximum seen so far (issue #16)
        long critical = options.thresholds().resolvedFor(poolMax).poolUsed().criticalAbove();
        boolean sync = e.hasPoolUsed() && e.poolUsed() <= critical
                && e.kind() != EventKind.CHECKOUT_FAILED && e.kind() != EventKind.NEARLY_EXHAUSTED;
        if (sync) {
            h.synced = true;
            body.accept(e);   // a sync event opens and closes nothing, so both sides may see it
        } else if (h.steps.size() >= HEAD_LIMIT) {
            // Give up carrying earlier usage into this process: settle its steps as this summary alone sees them.
            for (UsageStep step : h.steps) {
                body.accept(step.toEvent(e.process()));
            }
            h.steps.clear();
            h.synced = true;
            h.truncated = true;
        }
    }

    private static boolean moves(PoolEvent e) {
        return e.hasPoolUsed() || e.kind() == EventKind.CHECKOUT || e.kind() == EventKind.CHECKIN
                || e.kind() == EventKind.CHECKOUT_FAILED || e.kind() == EventKind.NEARLY_EXHAUSTED;
    }

    UsageState state() {
        UsageState s = body.state();
        return new UsageState(s.processes(), s.closed(), s.closedCount(), s.peak(), s.peakAt(), s.peakProcess(),
                Math.max(s.poolMax(), poolMax));
    }

    Map<String, UsageHead> heads() {
        Map<String, UsageHead> out = new HashMap<>();
        heads.forEach((p, h) -> out.put(p, new UsageHead(h.steps, h.synced, h.truncated)));
        return out;
    }
}
