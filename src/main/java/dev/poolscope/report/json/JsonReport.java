package dev.poolscope.report.json;

import dev.poolscope.findings.Finding;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import dev.poolscope.analysis.CheckoutResult;
import dev.poolscope.analysis.Diagnosis;
import dev.poolscope.analysis.EndpointRow;
import dev.poolscope.analysis.HealthCheck;
import dev.poolscope.analysis.LeakItem;
import dev.poolscope.analysis.LongHold;
import dev.poolscope.analysis.Percentiles;
import dev.poolscope.analysis.Window;
import dev.poolscope.report.JsonEscapes;
import dev.poolscope.report.Ranking;
import dev.poolscope.report.Redactor;
import dev.poolscope.report.Units;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/** The machine report, schema {@code poolscope/1}, documented field by field in docs/report-schema.md. */
public final class JsonReport {
    public static final String SCHEMA = "poolscope/1";

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    private static final JsonEscapes ESCAPES = new JsonEscapes();

    private JsonReport() {}

    public static void write(Diagnosis d, Writer out) throws IOException {
        write(d, out, Redactor.none());
    }

    /** Writes the report with every string value passed through {@code redactor} ({@code --redact}). */
    public static void write(Diagnosis d, Writer out, Redactor redactor) throws IOException {
        write(d, null, out, redactor);
    }

    /** The same with a {@code findings} array (docs/report-schema.md); null leaves it out. */
    public static void write(Diagnosis d, List<Finding> findings, Writer out, Redactor redactor) throws IOException {
        JsonGenerator plain = FACTORY.createGenerator(out).useDefaultPrettyPrinter();
        plain.setCharacterEscapes(ESCAPES);
        try (JsonGenerator g = redactor.active() ? new RedactingGenerator(plain, redactor) : plain) {
            g.writeStartObject();
            g.writeStringField("schema", SCHEMA);
            input(g, d);
            counts(g, d);
            DialectJson.checkoutCount(g, "leak_delta", d.leakDelta(), d);
            if (findings != null) {
                FindingsJson.write(g, findings);
            }
            leaks(g, d);
            longHolds(g, d);
            g.writeFieldName("hold_time_ms");
            percentiles(g, d.checkouts().holdTimes().percentiles());
            pool(g, d);
            windows(g, d.pool().windows());
            timeouts(g, d);
            endpoints(g, d.endpoints());
            if (d.server() != null) {   // app logs only: no server object at all, never zeros
                ServerJson.write(g, d.server().result());
                if (d.server().join() != null) {
                    JoinJson.write(g, d.server().join());
                }
            }
            health(g, d);
            settings(g, d);
            g.writeEndObject();
            g.writeRaw('\n');
        }
    }

    private static void input(JsonGenerator g, Diagnosis d) throws IOException {
        g.writeObjectFieldStart("input");
        g.writeArrayFieldStart("files");
        for (String f : d.input().files()) {
            g.writeString(f);
        }
        g.writeEndArray();
        g.writeNumberField("lines", d.input().lines());
        g.writeNumberField("events", d.counts().events());
        g.writeNumberField("malformed_lines", d.input().malformedLines());
        g.writeNumberField("blank_lines", d.input().blankLines());
        g.writeNumberField("missing_timestamps", d.counts().missingTimestamps());
        g.writeStringField("first_timestamp", Units.time(d.counts().firstTime()));
        g.writeStringField("last_timestamp", Units.time(d.counts().lastTime()));
        g.writeArrayFieldStart("malformed_samples");
        for (var m : d.input().malformedSamples()) {
            g.writeStartObject();
            g.writeStringField("file", m.source());
            g.writeNumberField("line", m.line());
            g.writeStringField("reason", m.reason());
            g.writeEndObject();
        }
        g.writeEndArray();
        InputNotesJson.write(g, d);
        DialectJson.inputs(g, d);
        g.writeEndObject();
    }

    private static void counts(JsonGenerator g, Diagnosis d) throws IOException {
        g.writeObjectFieldStart("counts");
        DialectJson.checkoutCount(g, "getconn", d.counts().getconn(), d);
        DialectJson.checkoutCount(g, "putconn", d.counts().putconn(), d);
        g.writeNumberField("getconn_failed", d.counts().getconnFailed());
        g.writeNumberField("nearly_exhausted", d.counts().nearlyExhausted());
        g.writeNumberField("exhaustion_errors", d.counts().exhaustionErrors());
        g.writeEndObject();
    }

    private static void leaks(JsonGenerator g, Diagnosis d) throws IOException {
        CheckoutResult c = d.checkouts();
        g.writeObjectFieldStart("leaks");
        g.writeNumberField("leaked_checkouts", c.leakedCheckouts());
        g.writeNumberField("requests_without_close", c.requestsWithoutClose());
        g.writeNumberField("settled_by_limit", c.settledByLimit());
        g.writeNumberField("in_flight_at_end", c.inFlightCount());
        g.writeNumberField("orphan_putconn", c.orphanPutconn());
        g.writeNumberField("items_listed", c.leaks().size());
        g.writeArrayFieldStart("items");
        for (LeakItem leak : c.leaks()) {
            leak(g, leak);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("by_endpoint");
        for (var e : Ranking.byCount(c.leaksByEndpoint())) {
            g.writeStartObject();
            g.writeStringField("endpoint", e.getKey());
            g.writeNumberField("leaked_checkouts", e.getValue());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("in_flight");
        for (LeakItem open : c.inFlight()) {
            leak(g, open);
        }
        g.writeEndArray();
        DialectJson.leaks(g, d);
        g.writeEndObject();
    }

    private static void leak(JsonGenerator g, LeakItem leak) throws IOException {
        g.writeStartObject();
        g.writeStringField("request_id", leak.requestId());
        g.writeStringField("conn_id", leak.connId());
        g.writeStringField("endpoint", leak.endpoint());
        g.writeStringField("process", leak.process());
        g.writeStringField("acquired_at", Units.time(leak.acquiredAt()));
        if (leak.ageMicros() == LeakItem.UNKNOWN_AGE) {
            g.writeNullField("age_s");
        } else {
            g.writeNumberField("age_s", Units.seconds(leak.ageMicros()));
        }
        g.writeBooleanField("request_ended", leak.requestEnded());
        DialectJson.itemFields(g, leak);
        g.writeStringField("file", leak.source());
        g.writeNumberField("line", leak.line());
        g.writeEndObject();
    }

    private static void longHolds(JsonGenerator g, Diagnosis d) throws IOException {
        g.writeObjectFieldStart("long_holds");
        g.writeNumberField("count", d.checkouts().longHoldCount());
        g.writeNumberField("threshold_s", Units.seconds(d.options().leakThreshold().toNanos() / 1000));
        g.writeNumberField("items_listed", d.checkouts().longHolds().size());
        g.writeArrayFieldStart("items");
        for (LongHold h : d.checkouts().longHolds()) {
            g.writeStartObject();
            g.writeStringField("request_id", h.requestId());
            g.writeStringField("conn_id", h.connId());
            g.writeStringField("endpoint", h.endpoint());
            g.writeStringField("process", h.process());
            g.writeStringField("acquired_at", Units.time(h.acquiredAt()));
            g.writeStringField("returned_at", Units.time(h.returnedAt()));
            g.writeNumberField("held_s", Units.seconds(h.heldMicros()));
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    /** With no returned checkout there is no distribution: null, not a misleading 0 ms. */
    private static void percentiles(JsonGenerator g, Percentiles p) throws IOException {
        g.writeStartObject();
        g.writeNumberField("count", p.count());
        millisOrNull(g, "p50", p.count(), p.p50());
        millisOrNull(g, "p95", p.count(), p.p95());
        millisOrNull(g, "p99", p.count(), p.p99());
        millisOrNull(g, "max", p.count(), p.max());
        g.writeEndObject();
    }

    private static void millisOrNull(JsonGenerator g, String name, long count, double ms) throws IOException {
        if (count == 0) {
            g.writeNullField(name);
        } else {
            g.writeNumberField(name, Units.millis(ms));
        }
    }

    private static void pool(JsonGenerator g, Diagnosis d) throws IOException {
        var p = d.pool();
        g.writeObjectFieldStart("pool");
        if (p.peakUsed() >= 0) {
            g.writeNumberField("peak_used", p.peakUsed());
        } else {
            g.writeNullField("peak_used");   // neither a usage report nor a checkout: not 0, unknown
        }
        g.writeStringField("peak_at", Units.time(p.peakAt()));
        g.writeStringField("peak_process", p.peakProcess());
        if (p.poolMax() >= 0) {
            g.writeNumberField("max", p.poolMax());
        } else {
            g.writeNullField("max");
        }
        g.writeNumberField("seconds_above_critical", Units.seconds(p.microsAboveCritical()));
        g.writeNumberField("near_exhaustion_windows", p.windowCount());
        DialectJson.pool(g, d);
        g.writeEndObject();
    }

    private static void windows(JsonGenerator g, List<Window> windows) throws IOException {
        g.writeArrayFieldStart("near_exhaustion_windows");
        for (Window w : windows) {
            g.writeStartObject();
            g.writeStringField("process", w.process());
            g.writeStringField("start", Units.time(w.start()));
            g.writeStringField("end", Units.time(w.end()));
            g.writeNumberField("duration_s", Units.seconds(w.durationMicros()));
            if (w.peakUsed() >= 0) {
                g.writeNumberField("peak_used", w.peakUsed());
            } else {
                g.writeNullField("peak_used");   // only failed/warning events without pool_used inside
            }
            g.writeNumberField("getconn_failed", w.getconnFailed());
            g.writeNumberField("nearly_exhausted", w.nearlyExhausted());
            g.writeNumberField("episodes", w.episodes());
            g.writeBooleanField("ongoing_at_end", w.ongoingAtEnd());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void timeouts(JsonGenerator g, Diagnosis d) throws IOException {
        var t = d.timeouts();
        g.writeObjectFieldStart("statement_timeouts");
        g.writeNumberField("events", t.events());
        g.writeNumberField("requests", t.requestCount());
        if (t.requestsByLimit() > 0) {
            g.writeNumberField("requests_counted_by_limit", t.requestsByLimit());
        }
        g.writeNumberField("left_connection_open", d.timeoutRequestsLeftOpen());
        g.writeNumberField("items_listed", t.items().size());
        g.writeArrayFieldStart("by_endpoint");
        for (var e : Ranking.byCount(t.byEndpoint())) {
            g.writeStartObject();
            g.writeStringField("endpoint", e.getKey());
            g.writeNumberField("events", e.getValue());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("items");
        for (var item : t.items()) {
            g.writeStartObject();
            g.writeStringField("time", Units.time(item.time()));
            g.writeStringField("request_id", item.requestId());
            g.writeStringField("endpoint", item.endpoint());
            g.writeStringField("process", item.process());
            g.writeStringField("file", item.source());
            g.writeNumberField("line", item.line());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void endpoints(JsonGenerator g, List<EndpointRow> rows) throws IOException {
        g.writeArrayFieldStart("endpoints");
        for (EndpointRow r : rows) {
            g.writeStartObject();
            g.writeStringField("endpoint", r.endpoint());
            g.writeNumberField("checkouts", r.checkouts());
            g.writeNumberField("leaked_checkouts", r.leakedCheckouts());
            g.writeNumberField("statement_timeouts", r.statementTimeouts());
            g.writeFieldName("hold_time_ms");
            percentiles(g, r.holdTimes());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    /** The health table as the {@code checks} array; the alert JSON of {@code watch} shares it. */
    public static void checks(JsonGenerator g, List<HealthCheck> checks) throws IOException {
        checks(g, checks, java.util.Set.of());
    }

    /** The same, with {@code value} and {@code level} null for the metrics in {@code unknown} (never a 0 not seen). */
    public static void checks(JsonGenerator g, List<HealthCheck> checks, java.util.Set<String> unknown)
            throws IOException {
        g.writeArrayFieldStart("checks");
        for (HealthCheck c : checks) {
            g.writeStartObject();
            g.writeStringField("metric", c.metric());
            if (unknown.contains(c.metric())) {
                g.writeNullField("value");
                g.writeNullField("level");
            } else {
                g.writeNumberField("value", c.value());
                g.writeStringField("level", c.level().label());
            }
            g.writeNumberField("normal_max", c.threshold().normalMax());
            g.writeNumberField("critical_above", c.threshold().criticalAbove());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void health(JsonGenerator g, Diagnosis d) throws IOException {
        g.writeObjectFieldStart("health");
        g.writeStringField("verdict", d.health().verdict().label());
        checks(g, d.health().checks());
        g.writeEndObject();
    }

    private static void settings(JsonGenerator g, Diagnosis d) throws IOException {
        var o = d.options();
        g.writeObjectFieldStart("settings");
        g.writeNumberField("grace_s", Units.seconds(o.grace().toNanos() / 1000));
        g.writeNumberField("leak_threshold_s", Units.seconds(o.leakThreshold().toNanos() / 1000));
        g.writeNumberField("merge_gap_s", Units.seconds(o.mergeGap().toNanos() / 1000));
        g.writeNumberField("max_items", o.maxItems());
        g.writeEndObject();
    }
}
