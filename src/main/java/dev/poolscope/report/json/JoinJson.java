package dev.poolscope.report.json;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.poolscope.report.Units;
import dev.poolscope.server.AppLeak;
import dev.poolscope.server.JoinResult;
import java.io.IOException;

/** The {@code join} object: the app's log against the server's (docs/report-schema.md). */
final class JoinJson {
    private JoinJson() {}

    static void write(JsonGenerator g, JoinResult j) throws IOException {
        g.writeObjectFieldStart("join");
        g.writeStringField("application", j.application());
        g.writeNumberField("clock_skew_tolerance_s", Units.seconds(j.skewMicros()));
        pair(g, "leaks", j.leaks());
        g.writeArrayFieldStart("leak_pairs");
        for (JoinResult.LeakPair p : j.leakPairs()) {
            g.writeStartObject();
            g.writeFieldName("app");
            leak(g, p.leak());
            g.writeFieldName("server");
            ServerJson.loss(g, p.server());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("app_only_leaks");
        for (AppLeak l : j.appOnlyLeaks()) {
            leak(g, l);
        }
        g.writeEndArray();
        ServerJson.losses(g, "server_only_losses", j.serverOnlyLosses());
        pair(g, "failed_connects", j.failedConnects());
        pair(g, "statement_timeouts", j.timeouts());
        g.writeArrayFieldStart("notes");
        for (String n : j.notes()) {
            g.writeString(n);
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void pair(JsonGenerator g, String name, JoinResult.Pair p) throws IOException {
        g.writeObjectFieldStart(name);
        g.writeNumberField("app", p.app());
        g.writeNumberField("server", p.server());
        g.writeNumberField("matched", p.matched());
        g.writeNumberField("app_only", p.appOnly());
        g.writeNumberField("server_only", p.serverOnly());
        g.writeStringField("verdict", p.verdict());
        g.writeEndObject();
    }

    private static void leak(JsonGenerator g, AppLeak l) throws IOException {
        g.writeStartObject();
        g.writeStringField("acquired_at", Units.time(l.acquiredAt()));
        g.writeStringField("request_id", l.requestId());
        g.writeStringField("endpoint", l.endpoint());
        g.writeStringField("process", l.process());
        g.writeEndObject();
    }
}
