package dev.poolscope.summary;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import dev.poolscope.analysis.AnalysisOptions;
import dev.poolscope.analysis.BoundaryEvent;
import dev.poolscope.analysis.Counts;
import dev.poolscope.analysis.EndpointHolds;
import dev.poolscope.analysis.HoldTimes;
import dev.poolscope.analysis.InputSummary;
import dev.poolscope.analysis.LongHold;
import dev.poolscope.analysis.MalformedLine;
import dev.poolscope.analysis.OpenCheckout;
import dev.poolscope.analysis.PairingState;
import dev.poolscope.analysis.RequestKey;
import dev.poolscope.analysis.Summary;
import dev.poolscope.analysis.Threshold;
import dev.poolscope.analysis.TimelineRow;
import dev.poolscope.analysis.TimeoutEvent;
import dev.poolscope.analysis.TimeoutResult;
import dev.poolscope.event.PoolEvent;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * Writes a {@link Summary} as JSON, format {@value SummaryFormat#NAME} version {@value SummaryFormat#VERSION}
 * (docs/summaries.md). Times are integer microseconds since the epoch (null when unknown), hold-time
 * histograms are HdrHistogram's compressed encoding in base64, repeated items are arrays. Output is
 * deterministic: maps are written sorted.
 */
public final class SummaryWriter {
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();

    /** Applied to every log string written (request ids, endpoints, processes, …); identity unless redacting. */
    private final UnaryOperator<String> mask;

    private SummaryWriter(UnaryOperator<String> mask) {
        this.mask = mask;
    }

    public static void write(Summary s, OutputStream out) throws IOException {
        new SummaryWriter(UnaryOperator.identity()).write(s, out, false);
    }

    /**
     * Writes {@code s} with every log string passed through {@code mask} (a {@code --redact} masker), and
     * {@code "redacted": true} in the header so that a merge knows (docs/summaries.md). Values that differ
     * only in a masked part become one: counts under such endpoints are added up.
     */
    public static void writeRedacted(Summary s, OutputStream out, UnaryOperator<String> mask) throws IOException {
        new SummaryWriter(mask).write(s, out, true);
    }

    private void write(Summary s, OutputStream out, boolean redacted) throws IOException {
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("format", SummaryFormat.NAME);
            g.writeNumberField("version", SummaryFormat.VERSION);
            if (redacted) {
                g.writeBooleanField("redacted", true);
            }
            settings(g, s.options());
            input(g, s.input());
            counts(g, s.counts());
            pairing(g, s.pairing());
            UsageWriter.usage(g, s.usage(), mask);
            UsageWriter.heads(g, s.heads(), mask);
            timeouts(g, s.timeouts());
            timeline(g, s.timeline());
            RecordCodec sections = new RecordCodec(mask);   // version 2: what analyze knows beyond the counts
            sections.write(g, "library", s.library());
            sections.write(g, "evidence", s.evidence());
            sections.write(g, "server", s.server());
            g.writeEndObject();
            g.writeRaw('\n');
        }
    }

    private static void settings(JsonGenerator g, AnalysisOptions o) throws IOException {
        g.writeObjectFieldStart("settings");
        g.writeNumberField("grace_us", o.grace().toNanos() / 1000);
        g.writeNumberField("leak_threshold_us", o.leakThreshold().toNanos() / 1000);
        g.writeNumberField("merge_gap_us", o.mergeGap().toNanos() / 1000);
        g.writeNumberField("max_items", o.maxItems());
        threshold(g, "pool_used", o.thresholds().poolUsed());
        threshold(g, "leak_delta", o.thresholds().leakDelta());
        threshold(g, "requests_without_close", o.thresholds().requestsWithoutClose());
        var scale = o.thresholds().scale();   // issue #16: how pool_used follows the pool's maximum
        g.writeArrayFieldStart("pool_used_scale");
        g.writeString(scale.mode().name());
        g.writeString(String.valueOf(scale.normalPct()));
        g.writeString(String.valueOf(scale.criticalPct()));
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void threshold(JsonGenerator g, String name, Threshold t) throws IOException {
        g.writeArrayFieldStart(name);
        g.writeNumber(t.normalMax());
        g.writeNumber(t.criticalAbove());
        g.writeEndArray();
    }

    private void input(JsonGenerator g, InputSummary in) throws IOException {
        g.writeObjectFieldStart("input");
        g.writeArrayFieldStart("files");
        for (String f : in.files()) {
            g.writeString(f);
        }
        g.writeEndArray();
        g.writeNumberField("lines", in.lines());
        g.writeNumberField("blank_lines", in.blankLines());
        g.writeNumberField("malformed_lines", in.malformedLines());
        g.writeArrayFieldStart("malformed_samples");
        for (MalformedLine m : in.malformedSamples()) {
            g.writeStartArray();
            g.writeString(m.source());
            g.writeNumber(m.line());
            g.writeString(mask.apply(m.reason()));
            g.writeEndArray();
        }
        g.writeEndArray();
        new RecordCodec(mask).write(g, "dialects", in.dialects());
        g.writeEndObject();
    }

    private static void counts(JsonGenerator g, Counts c) throws IOException {
        g.writeObjectFieldStart("counts");
        g.writeNumberField("events", c.events());
        g.writeNumberField("getconn", c.getconn());
        g.writeNumberField("putconn", c.putconn());
        g.writeNumberField("getconn_failed", c.getconnFailed());
        g.writeNumberField("nearly_exhausted", c.nearlyExhausted());
        g.writeNumberField("exhaustion_errors", c.exhaustionErrors());
        g.writeNumberField("missing_timestamps", c.missingTimestamps());
        time(g, "first_us", c.firstTime());
        time(g, "last_us", c.lastTime());
        g.writeEndObject();
    }

    private void pairing(JsonGenerator g, PairingState p) throws IOException {
        g.writeObjectFieldStart("pairing");
        time(g, "first_us", p.firstTime());
        time(g, "last_us", p.lastTime());
        g.writeFieldName("hold_times");
        holdTimes(g, p.holdTimes());
        g.writeArrayFieldStart("endpoints");
        TreeMap<String, EndpointHolds> endpoints = new TreeMap<>();
        p.endpoints().forEach((name, h) -> endpoints.merge(mask.apply(name), h, SummaryWriter::sum));
        for (var e : endpoints.entrySet()) {
            EndpointHolds h = e.getValue();
            g.writeStartArray();
            g.writeString(e.getKey());
            g.writeNumber(h.checkouts());
            holdTimes(g, h.holds());
            g.writeEndArray();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("long_holds");
        List<LongHold> holds = new ArrayList<>(p.longHolds());
        holds.sort(Comparator.comparingLong(LongHold::acquiredAt).thenComparingLong(LongHold::returnedAt)
                .thenComparing(LongHold::process));
        for (LongHold h : holds) {
            strings(g, h.process(), h.requestId(), h.connId(), h.endpoint());
            g.writeNumber(h.acquiredAt());
            g.writeNumber(h.returnedAt());
            g.writeEndArray();
        }
        g.writeEndArray();
        g.writeNumberField("long_hold_count", p.longHoldCount());
        g.writeNumberField("orphans", p.orphans());
        g.writeNumberField("unlisted_orphans", p.unlisted());
        g.writeArrayFieldStart("open");
        for (OpenCheckout o : p.open()) {
            strings(g, o.process(), o.requestId(), o.connId(), o.endpoint());
            timeValue(g, o.acquiredAt());
            g.writeBoolean(o.requestEnded());
            g.writeString(o.source());
            g.writeNumber(o.line());
            g.writeEndArray();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("boundary");
        for (BoundaryEvent b : p.boundary()) {
            g.writeStartArray();
            g.writeString(b.kind().name());
            masked(g, b.process(), b.requestId(), b.connId(), b.endpoint());
            timeValue(g, b.time());
            g.writeString(b.source());
            g.writeNumber(b.line());
            g.writeEndArray();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private void timeouts(JsonGenerator g, TimeoutResult t) throws IOException {
        g.writeObjectFieldStart("timeouts");
        g.writeNumberField("events", t.events());
        if (t.requestsByLimit() > 0) {
            g.writeNumberField("requests_by_limit", t.requestsByLimit());
        }
        g.writeArrayFieldStart("requests");
        List<RequestKey> keys = new ArrayList<>(t.requests());
        keys.sort(Comparator.comparing(RequestKey::process).thenComparing(RequestKey::requestId));
        for (RequestKey k : keys) {
            strings(g, k.process(), k.requestId());
            g.writeEndArray();
        }
        g.writeEndArray();
        g.writeObjectFieldStart("by_endpoint");
        for (var e : maskedKeys(t.byEndpoint()).entrySet()) {
            g.writeNumberField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
        g.writeArrayFieldStart("items");
        for (TimeoutEvent e : t.items()) {
            g.writeStartArray();
            timeValue(g, e.time());
            masked(g, e.process(), e.requestId(), e.endpoint());
            g.writeString(e.source());
            g.writeNumber(e.line());
            g.writeEndArray();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    /** Rows: [start, getconn, putconn, failed, nearly, timeouts, peak_used, above_us, {endpoint: timeouts}]. */
    private void timeline(JsonGenerator g, List<TimelineRow> rows) throws IOException {
        g.writeObjectFieldStart("timeline");
        g.writeNumberField("bucket_us", dev.poolscope.analysis.MinuteTimeline.BUCKET_MICROS);
        g.writeArrayFieldStart("rows");
        for (TimelineRow r : rows) {
            g.writeStartArray();
            g.writeNumber(r.start());
            g.writeNumber(r.getconn());
            g.writeNumber(r.putconn());
            g.writeNumber(r.getconnFailed());
            g.writeNumber(r.nearlyExhausted());
            g.writeNumber(r.statementTimeouts());
            g.writeNumber(r.peakUsed());
            g.writeNumber(r.aboveMicros());
            if (!r.timeoutsByEndpoint().isEmpty()) {
                g.writeStartObject();
                for (var e : maskedKeys(r.timeoutsByEndpoint()).entrySet()) {
                    g.writeNumberField(e.getKey(), e.getValue());
                }
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    /** Opens an array and writes the log strings masked. */
    private void strings(JsonGenerator g, String... values) throws IOException {
        g.writeStartArray();
        masked(g, values);
    }

    private void masked(JsonGenerator g, String... values) throws IOException {
        for (String v : values) {
            g.writeString(v == null ? null : mask.apply(v));
        }
    }

    private TreeMap<String, Long> maskedKeys(java.util.Map<String, Long> counts) {
        TreeMap<String, Long> out = new TreeMap<>();
        counts.forEach((k, v) -> out.merge(mask.apply(k), v, Long::sum));
        return out;
    }

    private static EndpointHolds sum(EndpointHolds a, EndpointHolds b) {
        HoldTimes both = a.holds().copy();
        both.add(b.holds());
        return new EndpointHolds(a.checkouts() + b.checkouts(), both);
    }

    static void time(JsonGenerator g, String name, long micros) throws IOException {
        g.writeFieldName(name);
        timeValue(g, micros);
    }

    static void timeValue(JsonGenerator g, long micros) throws IOException {
        if (micros == PoolEvent.NO_TIME) {
            g.writeNull();
        } else {
            g.writeNumber(micros);
        }
    }

    /** [exact max µs, HdrHistogram compressed encoding in base64]. */
    private static void holdTimes(JsonGenerator g, HoldTimes h) throws IOException {
        g.writeStartArray();
        g.writeNumber(h.max());
        g.writeString(histogram(h));
        g.writeEndArray();
    }

    static String histogram(HoldTimes h) {
        var hist = h.histogram();
        ByteBuffer buf = ByteBuffer.allocate(hist.getNeededByteBufferCapacity());
        int n = hist.encodeIntoCompressedByteBuffer(buf);
        return Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(buf.array(), n));
    }
}
