package dev.poolscope.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;

/**
 * Hand-built structlog-style logs for tests; every line is what the seed's services write. Lines take an
 * explicit time ({@link #getconn}) or the time of a clock that moves 100 ms per event ({@link #get}).
 */
public final class LogLines {
    private static final String PATH = "/api/items/1";
    private final List<String> lines = new ArrayList<>();
    private String host;
    private Integer pid = 100;
    private long millis;

    public LogLines host(String h) {
        host = h;
        return this;
    }

    public LogLines pid(Integer p) {
        pid = p;
        return this;
    }

    public LogLines getconn(String time, String req, String conn, int used) {
        return add("pool.getconn.success", time, req, conn, used, PATH);
    }

    public LogLines putconn(String time, String req, String conn, int used) {
        return add("pool.putconn.success", time, req, conn, used, PATH);
    }

    public LogLines finished(String time, String req) {
        return add("http.request.finished", time, req, null, -1, PATH);
    }

    public LogLines failed(String time, String req, int used) {
        return add("pool.getconn.FAILED", time, req, null, used, PATH);
    }

    public LogLines timeout(String time, String req) {
        lines.add(common(LogLine.of("api.timeout_or_error").with("pgcode", "57014"), time, req, PATH).toString());
        return this;
    }

    public LogLines raw(String line) {
        lines.add(line);
        return this;
    }

    public LogLines add(String event, String time, String req, String conn, int used, String path) {
        LogLine line = LogLine.of(event).with("conn_id", conn == null || !conn.matches("\\d+") ? conn : Long.valueOf(conn));
        if (used >= 0) {
            line.with("pool_used", used).with("pool_max", 80);
        }
        lines.add(common(line, time, req, path).toString());
        return this;
    }

    private LogLine common(LogLine line, String time, String req, String path) {
        return line.with("request_id", req).with("method", "GET").with("path", path).with("pid", pid)
                .with("hostname", host).with("timestamp", Instant.parse(time).toString());
    }

    // ---- a log whose clock moves 100 ms per event, so every figure can be counted from the test's calls

    public LogLines start(String req, String method, String path) {
        return tick(LogLine.of("http.request.started"), req).with("method", method).with("path", path).done();
    }

    public LogLines get(String req, String conn, int used) {
        return tick(LogLine.of("pool.getconn.success"), req).with("conn_id", conn).with("pool_used", used).done();
    }

    public LogLines put(String req, String conn, int used) {
        return tick(LogLine.of("pool.putconn.success"), req).with("conn_id", conn).with("pool_used", used).done();
    }

    public LogLines end(String req) {
        return tick(LogLine.of("http.request.finished"), req).with("status", 200).done();
    }

    public LogLines failed(String req) {
        return tick(LogLine.of("pool.getconn.FAILED"), req).with("error", "connection pool exhausted").done();
    }

    public LogLines timeout(String req) {
        return tick(LogLine.of("api.stats.failed"), req).with("pgcode", "57014").done();
    }

    /** A request that takes and returns one connection: healthy traffic. */
    public LogLines request(String req, String path, int used) {
        return start(req, "GET", path).get(req, req + "-c", used).put(req, req + "-c", used - 1).end(req);
    }

    /** Moves the clock on without logging, e.g. past the leak grace period. */
    public LogLines pause(int seconds) {
        millis += seconds * 1000L;
        return this;
    }

    private Ticked tick(LogLine line, String req) {
        millis += 100;
        String time = String.format(Locale.ROOT, "2026-01-02T03:%02d:%02d.%03dZ", millis / 60_000 % 60,
                millis / 1000 % 60, millis % 1000);
        return new Ticked(line.with("timestamp", time).with("pid", 7).with("request_id", req));
    }

    /** A line of the ticking log being built; {@link #done} adds it. */
    private final class Ticked {
        private final LogLine line;

        Ticked(LogLine line) {
            this.line = line;
        }

        Ticked with(String key, Object value) {
            line.with(key, value);
            return this;
        }

        LogLines done() {
            lines.add(line.toString());
            return LogLines.this;
        }
    }

    public List<String> lines() {
        return List.copyOf(lines);
    }

    public String text() {
        return String.join("\n", lines) + "\n";
    }

    public Path write(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, text(), StandardCharsets.UTF_8);
        return file;
    }

    public Path writeGzip(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(text().getBytes(StandardCharsets.UTF_8));
        }
        return file;
    }
}
