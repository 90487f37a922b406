package dev.poolscope.report.weekly;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.poolscope.findings.Finding;
import dev.poolscope.report.json.FindingsJson;
import dev.poolscope.server.JoinResult;
import dev.poolscope.weekly.Insight;
import dev.poolscope.weekly.WeeklyReport;
import java.io.IOException;
import java.util.Map;

/**
 * The weekly JSON's additive fields (docs/weekly-report.md): {@code findings}, {@code library} and
 * {@code server} for the period and for each day; null where not evaluated or not read, never 0.
 */
final class ExtrasJson {
    private ExtrasJson() {}

    /** The period's: every finding in full (as {@code analyze}'s JSON), the library and server figures. */
    static void period(JsonGenerator g, WeeklyReport w) throws IOException {
        Insight p = w.period();
        if (p == null) {
            g.writeNullField("findings");
        } else {
            FindingsJson.write(g, p.findings());
        }
        library(g, p, true);
        server(g, p);
    }

    /** A day's: which findings fired (id, severity, title), the library and server figures. */
    static void day(JsonGenerator g, Insight i) throws IOException {
        if (i == null) {
            g.writeNullField("findings");
        } else {
            g.writeArrayFieldStart("findings");
            for (Finding f : i.findings()) {
                g.writeStartObject();
                g.writeStringField("id", f.id());
                g.writeStringField("severity", f.severity().slug());
                g.writeStringField("title", f.title());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        library(g, i, false);
        server(g, i);
    }

    private static void library(JsonGenerator g, Insight i, boolean origins) throws IOException {
        if (i == null || !i.hasLibrary()) {
            g.writeNullField("library");
            return;
        }
        g.writeObjectFieldStart("library");
        fields(g, WeeklyExtras.library(i));
        if (origins) {
            g.writeArrayFieldStart("by_origin");
            for (Map.Entry<String, Long> e : i.library().byOrigin()) {
                g.writeStartObject();
                g.writeStringField("origin", e.getKey());
                g.writeNumberField("true_leaks", e.getValue());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    private static void server(JsonGenerator g, Insight i) throws IOException {
        Map<String, Object> m = WeeklyExtras.server(i);
        if (m == null) {
            g.writeNullField("server");
            return;
        }
        g.writeObjectFieldStart("server");
        fields(g, m);
        JoinResult j = i.server().join();
        if (j == null) {
            g.writeNullField("join");
        } else {
            g.writeObjectFieldStart("join");
            pair(g, "leaks", j.leaks());
            pair(g, "failed_connects", j.failedConnects());
            pair(g, "timeouts", j.timeouts());
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    private static void pair(JsonGenerator g, String name, JoinResult.Pair p) throws IOException {
        if (p == null) {
            g.writeNullField(name);
            return;
        }
        g.writeObjectFieldStart(name);
        g.writeNumberField("app", p.app());
        g.writeNumberField("server", p.server());
        g.writeNumberField("matched", p.matched());
        g.writeStringField("verdict", p.verdict());
        g.writeEndObject();
    }

    private static void fields(JsonGenerator g, Map<String, Object> m) throws IOException {
        for (Map.Entry<String, Object> e : m.entrySet()) {
            Object v = e.getValue();
            if (v == null) {
                g.writeNullField(e.getKey());
            } else if (v instanceof Long n) {
                g.writeNumberField(e.getKey(), n);
            } else {
                g.writeStringField(e.getKey(), v.toString());
            }
        }
    }
}
