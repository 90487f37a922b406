package dev.poolscope.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes small structlog-style logs by hand for {@code check} tests: one event per call, each 100 ms
 * after the previous, so every expected figure can be counted from the test's own calls.
 */
public final class CheckLog {
    private final List<String> lines = new ArrayList<>();
    private long millis;

    public CheckLog start(String req, String method, String path) {
        return event("http.request.started", req, ", \"method\": \"" + method + "\", \"path\": \"" + path + "\"");
    }

    public CheckLog get(String req, String conn, int used) {
        return event("pool.getconn.success", req, ", \"conn_id\": \"" + conn + "\", \"pool_used\": " + used);
    }

    public CheckLog put(String req, String conn, int used) {
        return event("pool.putconn.success", req, ", \"conn_id\": \"" + conn + "\", \"pool_used\": " + used);
    }

    public CheckLog end(String req) {
        return event("http.request.finished", req, ", \"status\": 200");
    }

    public CheckLog failed(String req) {
        return event("pool.getconn.FAILED", req, ", \"error\": \"connection pool exhausted\"");
    }

    public CheckLog timeout(String req) {
        return event("api.stats.failed", req, ", \"pgcode\": \"57014\"");
    }

    /** A request that takes and returns one connection: healthy traffic. */
    public CheckLog request(String req, String path, int used) {
        return start(req, "GET", path).get(req, req + "-c", used).put(req, req + "-c", used - 1).end(req);
    }

    public CheckLog raw(String line) {
        lines.add(line);
        return this;
    }

    /** Moves the clock on without logging, e.g. past the leak grace period. */
    public CheckLog wait(int seconds) {
        millis += seconds * 1000L;
        return this;
    }

    public Path write(Path file) throws IOException {
        Files.write(file, lines, StandardCharsets.UTF_8);
        return file;
    }

    private CheckLog event(String name, String req, String extra) {
        millis += 100;
        String time = String.format(Locale.ROOT, "2026-01-02T03:%02d:%02d.%03dZ", millis / 60_000 % 60,
                millis / 1000 % 60, millis % 1000);
        String request = req == null ? "" : ", \"request_id\": \"" + req + "\"";
        lines.add("{\"event\": \"" + name + "\", \"timestamp\": \"" + time + "\", \"pid\": 7" + request + extra + "}");
        return this;
    }
}
