package dev.poolscope.findings;

import dev.poolscope.analysis.LeakItem;
import dev.poolscope.analysis.SignalItem;
import dev.poolscope.analysis.SignalTally;
import dev.poolscope.event.PoolEvent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Evidence rows and examples the rules share. */
final class Rows {
    private Rows() {}

    static Figure.Row endpoint(String endpoint, long leaked, long checkouts, long first, long last) {
        Map<String, Object> cells = new LinkedHashMap<>();
        cells.put("endpoint", endpoint);
        cells.put("leaked", leaked);
        cells.put("checkouts", checkouts);
        cells.put("first_seen", time(first));
        cells.put("last_seen", time(last));
        return new Figure.Row(cells);
    }

    /** A row of a table keyed by a name (relation, error text, endpoint) with a tally. */
    static Figure.Row tally(String keyName, String key, SignalTally t) {
        Map<String, Object> cells = new LinkedHashMap<>();
        cells.put(keyName, key);
        cells.put("count", t.count());
        cells.put("first_seen", time(t.first()));
        cells.put("last_seen", time(t.last()));
        return new Figure.Row(cells);
    }

    static Figure.Row count(String keyName, String key, long count) {
        Map<String, Object> cells = new LinkedHashMap<>();
        cells.put(keyName, key);
        cells.put("count", count);
        return new Figure.Row(cells);
    }

    static Figure.Time time(long micros) {
        return micros == PoolEvent.NO_TIME ? null : new Figure.Time(micros);
    }

    static Example example(LeakItem l) {
        String note = l.requestEnded() ? "never returned; its request had ended" : "still open at the end of the log";
        return new Example(l.acquiredAt(), l.source(), l.line(), l.requestId(), l.endpoint(), note);
    }

    static Example example(SignalItem i) {
        return new Example(i.time(), i.source(), i.line(), i.requestId(), i.endpoint(), i.detail());
    }

    /** Up to {@code n} names joined, with "and N more". */
    static String names(List<String> names, int n) {
        String shown = String.join(", ", names.subList(0, Math.min(n, names.size())));
        return names.size() > n ? shown + " and " + (names.size() - n) + " more" : shown;
    }

    /** Endpoints of a count map, most first, ties by name. */
    static List<String> worstFirst(Map<String, Long> counts) {
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey).toList();
    }
}
