package dev.poolscope.report.csv;

import dev.poolscope.analysis.Diagnosis;
import dev.poolscope.analysis.EndpointRow;
import dev.poolscope.analysis.HealthCheck;
import dev.poolscope.analysis.LeakItem;
import dev.poolscope.analysis.LongHold;
import dev.poolscope.analysis.Percentiles;
import dev.poolscope.analysis.TimelineBucket;
import dev.poolscope.analysis.TimeoutEvent;
import dev.poolscope.analysis.Window;
import dev.poolscope.report.Units;
import java.io.IOException;
import java.util.Arrays;

/**
 * The rows of each {@link CsvTable}: the same facts and units as the JSON report. Text from the log
 * goes through {@link CsvCells#text}; absent values are empty cells.
 */
final class CsvRows {
    private CsvRows() {}

    static void timeline(Diagnosis d, CsvTable.RowSink out) throws IOException {
        Object width = Units.seconds(d.timeline().bucketMicros());
        for (TimelineBucket b : d.timeline().buckets()) {
            out.row(Arrays.asList(Units.time(b.start()), width, b.getconn(), b.putconn(), b.leakDelta(),
                    orEmpty(b.poolUsedMax()), orEmpty(b.openCheckoutsMax()), b.getconnFailed(), b.statementTimeouts(),
                    b.level().label()));
        }
    }

    static void leaks(Diagnosis d, CsvTable.RowSink out) throws IOException {
        for (LeakItem l : d.checkouts().leaks()) {
            leak(out, "leaked", l);
        }
        for (LeakItem l : d.checkouts().inFlight()) {
            leak(out, "in_flight", l);
        }
    }

    private static void leak(CsvTable.RowSink out, String state, LeakItem l) throws IOException {
        out.row(Arrays.asList(state, text(l.requestId()), text(l.connId()), text(l.endpoint()), text(l.process()),
                Units.time(l.acquiredAt()), Units.seconds(l.ageMicros()), l.requestEnded(), text(l.source()), l.line()));
    }

    static void longHolds(Diagnosis d, CsvTable.RowSink out) throws IOException {
        for (LongHold h : d.checkouts().longHolds()) {
            out.row(Arrays.asList(text(h.requestId()), text(h.connId()), text(h.endpoint()), text(h.process()),
                    Units.time(h.acquiredAt()), Units.time(h.returnedAt()), Units.seconds(h.heldMicros())));
        }
    }

    static void windows(Diagnosis d, CsvTable.RowSink out) throws IOException {
        for (Window w : d.pool().windows()) {
            out.row(Arrays.asList(text(w.process()), Units.time(w.start()), Units.time(w.end()),
                    Units.seconds(w.durationMicros()), orEmpty(w.peakUsed()), w.getconnFailed(), w.nearlyExhausted(),
                    w.episodes(), w.ongoingAtEnd()));
        }
    }

    static void timeouts(Diagnosis d, CsvTable.RowSink out) throws IOException {
        for (TimeoutEvent t : d.timeouts().items()) {
            out.row(Arrays.asList(Units.time(t.time()), text(t.requestId()), text(t.endpoint()), text(t.process()),
                    text(t.source()), t.line()));
        }
    }

    static void endpoints(Diagnosis d, CsvTable.RowSink out) throws IOException {
        for (EndpointRow r : d.endpoints()) {
            Percentiles p = r.holdTimes();
            boolean none = p.count() == 0;
            out.row(Arrays.asList(text(r.endpoint()), r.checkouts(), r.leakedCheckouts(), r.statementTimeouts(),
                    p.count(), none ? null : Units.millis(p.p50()), none ? null : Units.millis(p.p95()),
                    none ? null : Units.millis(p.p99()), none ? null : Units.millis(p.max())));
        }
    }

    static void health(Diagnosis d, CsvTable.RowSink out) throws IOException {
        for (HealthCheck c : d.health().checks()) {
            out.row(Arrays.asList(c.metric(), c.value(), c.level().label(), c.threshold().normalMax(),
                    c.threshold().criticalAbove()));
        }
    }

    private static String text(String s) {
        return CsvCells.text(s);
    }

    /** -1 means "not seen" in the analysis records: an empty cell, not a number. */
    private static Object orEmpty(long v) {
        return v < 0 ? null : v;
    }
}
