package dev.poolscope.sample;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A deliberately naive re-count of a generated log with plain string matching, written without
 * looking at the generator's bookkeeping, to check its {@link Truth} against.
 */
final class IndependentCount {
    long lines;
    long getconn;
    long putconn;
    long failed;
    long nearly;
    long exhaustion;
    long timeoutEvents;
    String first;
    String last;
    final Set<String> timeoutRequests = new HashSet<>();
    final Map<Integer, Integer> maxUsed = new TreeMap<>();
    final Map<Integer, List<String[]>> intervals = new TreeMap<>();
    private final Map<Integer, String[]> openInterval = new HashMap<>();
    /** (pid|request_id|conn_id) to open getconns and the endpoint each came from. */
    private final Map<String, List<String>> open = new HashMap<>();

    static IndependentCount of(String log) {
        IndependentCount c = new IndependentCount();
        for (String line : log.split("\n")) {
            c.accept(line);
        }
        return c;
    }

    private void accept(String line) {
        lines++;
        String ts = str(line, "timestamp");
        first = first == null ? ts : first;
        last = ts;
        int pid = (int) num(line, "pid");
        String rid = str(line, "request_id");
        String key = pid + "|" + (rid == null ? "" : rid) + "|" + num(line, "conn_id");
        if (line.contains("\"event\": \"pool.getconn.success\"")) {
            getconn++;
            String endpoint = rid == null ? "job:" + str(line, "job")
                    : str(line, "method") + " " + str(line, "path").replaceAll("\\?.*", "").replaceAll("/\\d+", "/{id}");
            open.computeIfAbsent(key, k -> new ArrayList<>()).add(endpoint);
        } else if (line.contains("\"event\": \"pool.putconn.success\"")) {
            putconn++;
            List<String> l = open.get(key);
            if (l != null && !l.isEmpty()) {
                l.remove(l.size() - 1);
            }
        } else if (line.contains("\"event\": \"pool.getconn.FAILED\"")) {
            failed++;
        } else if (line.contains("\"event\": \"pool.nearly_exhausted\"")) {
            nearly++;
        }
        if (line.contains("connection pool exhausted") && !line.contains("pool.getconn.FAILED")) {
            exhaustion++;
        }
        if (line.contains("\"pgcode\": \"57014\"")) {
            timeoutEvents++;
            timeoutRequests.add(pid + "|" + rid);
        }
        if (line.contains("\"pool_used\": ")) {
            pool(pid, (int) num(line, "pool_used"), ts);
        }
    }

    private void pool(int pid, int used, String ts) {
        maxUsed.merge(pid, used, Math::max);
        intervals.computeIfAbsent(pid, k -> new ArrayList<>());
        String[] iv = openInterval.get(pid);
        if (iv != null && java.time.Duration.between(java.time.Instant.parse(iv[1]), java.time.Instant.parse(ts))
                .compareTo(java.time.Duration.ofSeconds(60)) > 0) {
            iv[2] = iv[1];   // quiet for more than 60 s above the threshold: ended at its last line above
            openInterval.remove(pid);
            iv = null;
        }
        if (used > 70) {
            if (iv == null) {
                iv = new String[] {ts, ts, null};
                openInterval.put(pid, iv);
                intervals.get(pid).add(iv);
            }
            iv[1] = ts;
        } else if (iv != null) {
            iv[2] = ts;
            openInterval.remove(pid);
        }
    }

    long leakedCheckouts() {
        return open.values().stream().mapToLong(List::size).sum();
    }

    Set<String> leakedRequests() {
        Set<String> out = new TreeSet<>();
        open.forEach((k, v) -> {
            String[] parts = k.split("\\|");
            if (!v.isEmpty() && !parts[1].isEmpty()) {
                out.add(parts[0] + "|" + parts[1]);
            }
        });
        return out;
    }

    Map<String, Long> leakedByEndpoint() {
        Map<String, Long> out = new TreeMap<>();
        open.values().forEach(l -> l.forEach(e -> out.merge(e, 1L, Long::sum)));
        return out;
    }

    static String str(String line, String field) {
        String marker = "\"" + field + "\": \"";
        int at = line.indexOf(marker);
        if (at < 0) {
            return null;
        }
        int from = at + marker.length();
        return line.substring(from, line.indexOf('"', from));
    }

    static long num(String line, String field) {
        String marker = "\"" + field + "\": ";
        int at = line.indexOf(marker);
        if (at < 0) {
            return -1;
        }
        int from = at + marker.length();
        int to = from;
        while (to < line.length() && Character.isDigit(line.charAt(to))) {
            to++;
        }
        return Long.parseLong(line.substring(from, to));
    }
}
