package dev.poolscope.report.watch;

import dev.poolscope.analysis.LeakItem;
import dev.poolscope.analysis.LeakNotice;
import dev.poolscope.analysis.LiveStatus;
import dev.poolscope.analysis.LiveTotals;
import dev.poolscope.report.Redactor;

/**
 * A live status with every log string masked ({@code watch --redact}): the oldest checkouts, the leak notices
 * and the peak process, so that the status line, alerts, the {@code --alert-cmd} JSON and environment and the
 * summary at stop echo only masked values. Figures do not change.
 */
public final class LiveRedaction {
    private LiveRedaction() {}

    public static LiveStatus apply(LiveStatus s, Redactor r) {
        if (!r.active()) {
            return s;
        }
        LiveTotals t = s.totals();
        LiveTotals totals = new LiveTotals(t.counts(), t.statementTimeouts(), t.suspected(), t.returned(),
                r.redact(t.peakProcess()), t.processes(), t.forgottenProcesses(), t.forgottenCheckouts());
        return new LiveStatus(s.time(), s.health(), s.usedNow(), s.usedPeak(), s.poolMax(), s.openCheckouts(),
                s.leakDelta(), s.requestsWithoutClose(),
                s.oldest().stream().map(l -> new LeakItem(r.redact(l.process()), r.redact(l.requestId()),
                        r.redact(l.connId()), r.redact(l.endpoint()), l.acquiredAt(), l.ageMicros(), l.requestEnded(),
                        l.source(), l.line())).toList(),
                s.openSuspects(), totals,
                s.notices().stream().map(n -> new LeakNotice(n.kind(), r.redact(n.process()), r.redact(n.requestId()),
                        r.redact(n.connId()), r.redact(n.endpoint()), n.acquiredAt(), n.heldMicros(), n.requestEnded(),
                        n.reportedOpen())).toList(),
                s.noticesOmitted(), s.library());   // watch prints and sends only the library's counts
    }
}
