package dev.poolscope.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/** Hand-built structlog-style lines for tests; every line is what the seed's services write. */
public final class LogLines {
    private final List<String> lines = new ArrayList<>();
    private String host;
    private Integer pid = 100;

    public LogLines host(String h) {
        host = h;
        return this;
    }

    public LogLines pid(Integer p) {
        pid = p;
        return this;
    }

    public LogLines getconn(String time, String req, String conn, int used) {
        return add("pool.getconn.success", time, req, conn, used, "/api/items/1");
    }

    public LogLines putconn(String time, String req, String conn, int used) {
        return add("pool.putconn.success", time, req, conn, used, "/api/items/1");
    }

    public LogLines finished(String time, String req) {
        return add("http.request.finished", time, req, null, -1, "/api/items/1");
    }

    public LogLines failed(String time, String req, int used) {
        return add("pool.getconn.FAILED", time, req, null, used, "/api/items/1");
    }

    public LogLines timeout(String time, String req) {
        lines.add("{\"event\": \"api.timeout_or_error\", \"pgcode\": \"57014\"" + common(time, req, "/api/items/1") + "}");
        return this;
    }

    public LogLines raw(String line) {
        lines.add(line);
        return this;
    }

    public LogLines add(String event, String time, String req, String conn, int used, String path) {
        StringBuilder b = new StringBuilder("{\"event\": \"").append(event).append('"');
        if (conn != null) {
            b.append(", \"conn_id\": ").append(conn);
        }
        if (used >= 0) {
            b.append(", \"pool_used\": ").append(used).append(", \"pool_max\": 80");
        }
        b.append(common(time, req, path)).append('}');
        lines.add(b.toString());
        return this;
    }

    private String common(String time, String req, String path) {
        StringBuilder b = new StringBuilder();
        if (req != null) {
            b.append(", \"request_id\": \"").append(req).append('"');
        }
        b.append(", \"method\": \"GET\", \"path\": \"").append(path).append('"');
        if (pid != null) {
            b.append(", \"pid\": ").append(pid);
        }
        if (host != null) {
            b.append(", \"hostname\": \"").append(host).append('"');
        }
        return b.append(", \"timestamp\": \"").append(Instant.parse(time)).append('"').toString();
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
