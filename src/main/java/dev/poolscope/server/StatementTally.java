package dev.poolscope.server;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Statement timeouts per (statement shape, application), at most {@link CappedCounts#MAX_NAMES} pairs. */
final class StatementTally {
    /** Shown when the server did not log the statement ({@code log_min_error_statement} above error). */
    static final String NOT_LOGGED = "(statement not logged)";
    private final Map<List<String>, long[]> counts = new LinkedHashMap<>();
    private final Map<List<String>, String> examples = new LinkedHashMap<>();

    void add(String statement, String application) {
        String shape = statement == null ? NOT_LOGGED : StatementShape.of(statement);
        List<String> key = java.util.Arrays.asList(shape, application);
        if (!counts.containsKey(key) && counts.size() >= CappedCounts.MAX_NAMES) {
            key = java.util.Arrays.asList(CappedCounts.OTHER, null);
        }
        counts.computeIfAbsent(key, k -> new long[1])[0]++;
        if (statement != null) {
            examples.putIfAbsent(key, statement.length() > StatementShape.MAX_CHARS
                    ? statement.substring(0, StatementShape.MAX_CHARS) + "…" : statement);
        }
    }

    /** Most first, then by statement and application. */
    List<StatementRow> rows() {
        List<StatementRow> out = new ArrayList<>();
        counts.forEach((k, v) -> out.add(new StatementRow(k.get(0), k.get(1), v[0], examples.get(k))));
        out.sort(order());
        return out;
    }

    static Comparator<StatementRow> order() {
        return Comparator.comparingLong(StatementRow::count).reversed()
                .thenComparing(StatementRow::statement)
                .thenComparing(r -> r.application() == null ? "" : r.application());
    }
}
