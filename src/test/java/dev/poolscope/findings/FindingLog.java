package dev.poolscope.findings;

import dev.poolscope.analysis.AnalysisOptions;
import dev.poolscope.analysis.Diagnosis;
import dev.poolscope.event.EventNames;
import dev.poolscope.event.FieldMapping;
import dev.poolscope.feed.Pipeline;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Hand-built structlog lines for the findings tests: every event at a time the test states, in
 * milliseconds after 2026-01-06T10:00:00Z, so each expected figure can be counted from the test itself.
 */
final class FindingLog {
    private static final Instant START = Instant.parse("2026-01-06T10:00:00Z");
    private final List<String> lines = new ArrayList<>();
    private final Map<String, String> routes = new HashMap<>();
    private long ms;

    FindingLog at(long millis) {
        ms = millis;
        return this;
    }

    FindingLog start(String req, String method, String path) {
        routes.put(req, ", \"method\": \"" + method + "\", \"path\": \"" + path + "\"");
        return event(req, "http.request.started", "info", "");
    }

    FindingLog get(String req, String conn, int used) {
        return event(req, "pool.getconn.success", "info", ", \"conn_id\": \"" + conn + "\", \"pool_used\": " + used
                + ", \"pool_max\": 5");
    }

    FindingLog put(String req, String conn, int used) {
        return event(req, "pool.putconn.success", "info", ", \"conn_id\": \"" + conn + "\", \"pool_used\": " + used
                + ", \"pool_max\": 5");
    }

    FindingLog end(String req) {
        return event(req, "http.request.finished", "info", ", \"status\": 200");
    }

    FindingLog failed(String req) {
        return event(req, "pool.getconn.FAILED", "error", ", \"error\": \"connection pool exhausted\", \"pool_used\": 5"
                + ", \"pool_max\": 5");
    }

    FindingLog timeout(String req) {
        return event(req, "api.query.failed", "error",
                ", \"error\": \"canceling statement due to statement timeout\", \"pgcode\": \"57014\"");
    }

    /** An error line: {@code extra} is raw JSON members, e.g. {@code , "error": "…"}. */
    FindingLog event(String req, String name, String level, String extra) {
        StringBuilder b = new StringBuilder("{\"event\": \"").append(name).append('"').append(extra);
        if (req != null) {
            b.append(", \"request_id\": \"").append(req).append('"').append(routes.getOrDefault(req, ""));
        }
        b.append(", \"pid\": 7, \"level\": \"").append(level).append("\", \"logger\": \"app.test\", \"timestamp\": \"")
                .append(START.plusMillis(ms)).append("\"}");
        lines.add(b.toString());
        return this;
    }

    /** A request taking one connection at {@code from} and returning it {@code holdMs} later. */
    FindingLog request(String req, String method, String path, long from, long holdMs) {
        return at(from).start(req, method, path).get(req, req + "-c", 1).at(from + holdMs).put(req, req + "-c", 0)
                .end(req);
    }

    /** A request taking one connection at {@code from} and ending at {@code endMs} without returning it. */
    FindingLog leak(String req, String method, String path, long from, long endMs) {
        return at(from).start(req, method, path).get(req, req + "-c", 1).at(endMs).end(req);
    }

    String text() {
        return String.join("\n", lines) + "\n";
    }

    Diagnosis diagnose() {
        return diagnose(AnalysisOptions.defaults());
    }

    Diagnosis diagnose(AnalysisOptions options) {
        try {
            return new Pipeline(FieldMapping.defaults(), EventNames.defaults(), options, 1 << 20)
                    .run(new ByteArrayInputStream(text().getBytes(StandardCharsets.UTF_8)), "test.jsonl");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    List<Finding> findings() {
        return Findings.evaluate(diagnose());
    }

    static List<String> ids(List<Finding> findings) {
        return findings.stream().map(Finding::id).toList();
    }

    static Finding one(List<Finding> findings, String id) {
        return findings.stream().filter(f -> f.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError(id + " did not fire; fired: " + ids(findings)));
    }

    static Object figure(Finding f, String key) {
        return f.evidence().stream().filter(x -> x.key().equals(key)).findFirst()
                .orElseThrow(() -> new AssertionError(f.id() + " has no figure " + key)).value();
    }
}
