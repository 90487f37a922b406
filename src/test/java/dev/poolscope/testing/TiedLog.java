package dev.poolscope.testing;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A random log with millisecond timestamps, so that many lines share one: two processes, requests that
 * take a connection and mostly give it back, a few leaks, failed checkouts, warnings, statement
 * timeouts, and plain-text and blank lines. Lines are in time order; ties keep generation order.
 */
public final class TiedLog {
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    private record Line(long millis, long seq, String text) {}

    private TiedLog() {}

    public static List<String> generate(long seed, int requests) {
        Random r = new Random(seed);
        List<Line> lines = new ArrayList<>();
        Map<Integer, Integer> used = new HashMap<>();
        long seq = 0;
        for (int i = 0; i < requests; i++) {
            int pid = 101 + r.nextInt(2);
            long t = r.nextInt(requests * 2);
            String id = "req-" + seed + "-" + i;
            String conn = "conn-" + i;
            String path = "/api/items/" + r.nextInt(50);
            int u = used.merge(pid, 1, Integer::sum);
            lines.add(new Line(t, seq++, LogLine.getconn(id, conn, at(t)).with("pid", pid).with("path", path)
                    .with("pool_used", u).toString()));
            if (r.nextInt(10) == 0) {
                lines.add(new Line(t, seq++, LogLine.of("db.error").with("request_id", id).with("pid", pid)
                        .with("error", "canceling statement due to statement timeout").with("timestamp", at(t)).toString()));
            }
            t += r.nextInt(3);
            if (r.nextInt(5) != 0) {
                u = used.merge(pid, -1, Integer::sum);
                lines.add(new Line(t, seq++, LogLine.putconn(id, conn, at(t)).with("pid", pid).with("pool_used", u)
                        .toString()));
            }
            t += r.nextInt(3);
            lines.add(new Line(t, seq++, LogLine.finished(id, at(t)).with("pid", pid).toString()));
            if (r.nextInt(15) == 0) {
                lines.add(new Line(t, seq++, LogLine.of(r.nextBoolean() ? "pool.getconn.FAILED" : "pool.nearly_exhausted")
                        .with("pid", pid).with("error", "connection pool exhausted").with("timestamp", at(t)).toString()));
            }
        }
        lines.sort(Comparator.comparingLong(Line::millis).thenComparingLong(Line::seq));
        List<String> out = new ArrayList<>();
        for (Line l : lines) {
            out.add(l.text());
            if (r.nextInt(40) == 0) {
                out.add(r.nextBoolean() ? "" : "Traceback (most recent call last):");
            }
        }
        return out;
    }

    private static String at(long millis) {
        return START.plus(millis, ChronoUnit.MILLIS).toString();
    }
}
