import java.io.BufferedOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The same lines as {@code bench/make-input.py --leaks N OUT} (byte for byte), about 50 times faster:
 * N getconn lines, each with a new request and connection, never returned. Run it as a source file:
 * {@code java bench/LeakLog.java 50000000 /tmp/leaks.jsonl} (OUT "-" writes to standard output).
 */
public class LeakLog {
    public static void main(String[] args) throws IOException {
        long count = Long.parseLong(args[0]);
        String[] routes = {"/api/projects", "/api/projects/%d/interviews", "/api/ingest", "/api/coding/stats"};
        DateTimeFormatter f = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);
        long base = 1795791347L;   // 2026-11-27T15:15:47Z
        long cachedSec = -1;
        String stamp = null;
        try (OutputStream raw = args[1].equals("-") ? System.out : new FileOutputStream(args[1]);
             OutputStream out = new BufferedOutputStream(raw, 1 << 20)) {
            StringBuilder b = new StringBuilder(512);
            for (long i = 0; i < count; i++) {
                long t = i * 37;
                long sec = t / 1_000_000;
                long micros = t % 1_000_000;
                if (sec != cachedSec) {
                    cachedSec = sec;
                    stamp = f.format(Instant.ofEpochSecond(base + sec));
                }
                String route = routes[(int) (i % 4)];
                if (route.contains("%d")) {
                    route = route.replace("%d", Long.toString(i % 9973));
                }
                b.setLength(0);
                b.append("{\"logger\": \"app.db.pool\", \"conn_id\": ").append(139700565699584L + i * 64)
                        .append(", \"backend_pid\": ").append(20000 + i % 30000)
                        .append(", \"caller\": \"get_db\", \"pool_used\": ").append(1 + i % 80)
                        .append(", \"pool_max\": 80, \"wait_ms\": 0.04, \"event\": \"pool.getconn.success\", "
                                + "\"method\": \"GET\", \"request_id\": \"")
                        .append(hex(i, 8)).append('-').append(hex(i % 65536, 4)).append("-4").append(hex(i % 4096, 3))
                        .append("-a").append(hex(i % 4096, 3)).append('-').append(hex(i * 7919, 12))
                        .append("\", \"path\": \"").append(route).append("\", \"pid\": ").append(26680 + i % 8)
                        .append(", \"level\": \"info\", \"timestamp\": \"").append(stamp).append('.')
                        .append(pad(Long.toString(micros), 6)).append("Z\"}\n");
                for (int k = 0; k < b.length(); k++) {
                    out.write(b.charAt(k));   // ASCII only
                }
            }
        }
    }

    /** At least {@code width} lowercase hex digits, like Python's %0Nx. */
    private static String hex(long v, int width) {
        return pad(Long.toHexString(v), width);
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : "0".repeat(width - s.length()) + s;
    }
}
