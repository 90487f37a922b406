package dev.poolscope.report;

import dev.poolscope.analysis.CheckoutResult;
import dev.poolscope.analysis.Diagnosis;
import dev.poolscope.analysis.EndpointHolds;
import dev.poolscope.analysis.EndpointRow;
import dev.poolscope.analysis.HoldTimes;
import dev.poolscope.analysis.InputSummary;
import dev.poolscope.analysis.LeakItem;
import dev.poolscope.analysis.LongHold;
import dev.poolscope.analysis.MalformedLine;
import dev.poolscope.analysis.PoolResult;
import dev.poolscope.analysis.TimeoutEvent;
import dev.poolscope.analysis.TimeoutResult;
import dev.poolscope.analysis.Window;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A diagnosis with every log string passed through a {@link Redactor}, so that every writer of
 * {@code analyze} — CSV, HTML, charts, Markdown as well as text and JSON — echoes only masked
 * values ({@code --redact}). Counts do not change: rows whose names become equal are added up.
 * Request-key sets are left as they are; reports only count them.
 */
public final class Redaction {
    private Redaction() {}

    public static Diagnosis apply(Diagnosis d, Redactor r) {
        if (!r.active()) {
            return d;
        }
        return d.withInput(input(d.input(), r))
                .withResults(checkouts(d.checkouts(), r), pool(d.pool(), r), timeouts(d.timeouts(), r))
                .withEndpoints(d.endpoints().stream().map(e -> new EndpointRow(r.redact(e.endpoint()), e.checkouts(),
                        e.leakedCheckouts(), e.statementTimeouts(), e.holdTimes())).toList())
                .withEvidence(d.evidence().redacted(r::redact))
                .withServer(ServerRedaction.apply(d.server(), r));
    }

    private static InputSummary input(InputSummary in, Redactor r) {
        return new InputSummary(in.files(), in.lines(), in.blankLines(), in.malformedLines(),
                in.malformedSamples().stream().map(m -> new MalformedLine(m.source(), m.line(), r.redact(m.reason())))
                        .toList(), in.repairedLines(), in.repairedSamples(), in.recoveredRecords(), in.readErrors(),
                in.timestamps(), in.dialects());
    }

    private static CheckoutResult checkouts(CheckoutResult c, Redactor r) {
        Map<String, EndpointHolds> endpoints = new HashMap<>();
        c.endpoints().forEach((name, holds) -> endpoints.merge(r.redact(name), copy(holds), Redaction::sum));
        return new CheckoutResult(leaks(c.leaks(), r), c.leakedCheckouts(), keys(c.leaksByEndpoint(), r), leaks(c.inFlight(), r), c.inFlightCount(), c.orphanPutconn(),
                c.longHolds().stream().map(h -> new LongHold(r.redact(h.process()), r.redact(h.requestId()),
                        r.redact(h.connId()), r.redact(h.endpoint()), h.acquiredAt(), h.returnedAt())).toList(),
                c.longHoldCount(), c.holdTimes(), endpoints, c.requestsWithoutClose(), c.settledByLimit());
    }

    private static List<LeakItem> leaks(List<LeakItem> items, Redactor r) {
        return items.stream().map(l -> new LeakItem(r.redact(l.process()), r.redact(l.requestId()),
                r.redact(l.connId()), r.redact(l.endpoint()), l.acquiredAt(), l.ageMicros(), l.requestEnded(),
                l.source(), l.line())).toList();
    }

    private static PoolResult pool(PoolResult p, Redactor r) {
        return new PoolResult(p.peakUsed(), p.peakAt(), r.redact(p.peakProcess()), p.poolMax(),
                p.windows().stream().map(w -> new Window(r.redact(w.process()), w.start(), w.end(), w.peakUsed(),
                        w.getconnFailed(), w.nearlyExhausted(), w.episodes(), w.ongoingAtEnd())).toList(),
                p.windowCount(), p.microsAboveCritical());
    }

    private static TimeoutResult timeouts(TimeoutResult t, Redactor r) {
        return new TimeoutResult(t.events(), t.requests(), keys(t.byEndpoint(), r),
                t.items().stream().map(i -> new TimeoutEvent(i.time(), r.redact(i.process()), r.redact(i.requestId()),
                        r.redact(i.endpoint()), i.source(), i.line())).toList(), t.requestsByLimit());
    }

    private static Map<String, Long> keys(Map<String, Long> counts, Redactor r) {
        Map<String, Long> out = new HashMap<>();
        counts.forEach((k, v) -> out.merge(r.redact(k), v, Long::sum));
        return out;
    }

    private static EndpointHolds copy(EndpointHolds h) {
        return new EndpointHolds(h.checkouts(), h.holds());
    }

    private static EndpointHolds sum(EndpointHolds a, EndpointHolds b) {
        HoldTimes both = a.holds().copy();
        both.add(b.holds());
        return new EndpointHolds(a.checkouts() + b.checkouts(), both);
    }
}
