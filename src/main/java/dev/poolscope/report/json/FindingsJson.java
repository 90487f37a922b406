package dev.poolscope.report.json;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.poolscope.findings.Example;
import dev.poolscope.findings.Figure;
import dev.poolscope.findings.Finding;
import dev.poolscope.report.Units;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/** The {@code findings} array of the JSON report (docs/report-schema.md, docs/findings.md). */
public final class FindingsJson {
    private FindingsJson() {}

    public static void write(JsonGenerator g, List<Finding> findings) throws IOException {
        g.writeArrayFieldStart("findings");
        for (Finding f : findings) {
            finding(g, f);
        }
        g.writeEndArray();
    }

    private static void finding(JsonGenerator g, Finding f) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", f.id());
        g.writeStringField("severity", f.severity().slug());
        g.writeStringField("title", f.title());
        g.writeObjectFieldStart("evidence");
        for (Figure fig : f.evidence()) {
            g.writeFieldName(fig.key());
            value(g, fig.value());
        }
        g.writeStringField("first_seen", Units.time(f.firstSeen()));
        g.writeStringField("last_seen", Units.time(f.lastSeen()));
        g.writeArrayFieldStart("endpoints");
        for (String e : f.endpoints()) {
            g.writeString(e);
        }
        g.writeEndArray();
        g.writeEndObject();
        g.writeArrayFieldStart("examples");
        for (Example e : f.examples()) {
            example(g, e);
        }
        g.writeEndArray();
        g.writeStringField("advice", f.advice());
        g.writeStringField("doc", f.doc());
        g.writeEndObject();
    }

    private static void value(JsonGenerator g, Object v) throws IOException {
        if (v == null) {
            g.writeNull();
        } else if (v instanceof Long n) {
            g.writeNumber(n);
        } else if (v instanceof Double d) {
            g.writeNumber(Math.round(d * 1e6) / 1e6);
        } else if (v instanceof Figure.Time t) {
            g.writeString(Units.time(t.micros()));
        } else if (v instanceof List<?> rows) {
            g.writeStartArray();
            for (Object r : rows) {
                g.writeStartObject();
                for (Map.Entry<String, Object> c : ((Figure.Row) r).cells().entrySet()) {
                    g.writeFieldName(c.getKey());
                    value(g, c.getValue());
                }
                g.writeEndObject();
            }
            g.writeEndArray();
        } else {
            g.writeString(String.valueOf(v));
        }
    }

    private static void example(JsonGenerator g, Example e) throws IOException {
        g.writeStartObject();
        g.writeStringField("time", Units.time(e.time()));
        g.writeStringField("file", e.source());
        if (e.source() == null) {
            g.writeNullField("line");
        } else {
            g.writeNumberField("line", e.line());
        }
        g.writeStringField("request_id", e.requestId());
        g.writeStringField("endpoint", e.endpoint());
        g.writeStringField("note", e.note());
        g.writeEndObject();
    }
}
