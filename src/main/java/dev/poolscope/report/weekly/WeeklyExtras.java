package dev.poolscope.report.weekly;

import dev.poolscope.analysis.Diagnosis;
import dev.poolscope.analysis.LibraryResult;
import dev.poolscope.findings.Finding;
import dev.poolscope.findings.Severity;
import dev.poolscope.server.JoinResult;
import dev.poolscope.server.ServerResult;
import dev.poolscope.weekly.Insight;
import dev.poolscope.weekly.WeeklyReport;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The figures of the weekly report's findings, pool-library and server sections, the same for Markdown,
 * HTML and JSON. A figure a stretch of log cannot give is null (n/a), never 0 (docs/weekly-report.md).
 */
final class WeeklyExtras {
    /** Leak origins listed for the period. */
    static final int ORIGINS = 5;

    private WeeklyExtras() {}

    /** One finding id across the days: its title and, per day, its severity (null: did not fire). */
    record GridRow(String id, String title, List<Severity> days, Severity period) {}

    /** Every finding that fired on some day or over the period: the period's first, worst first. */
    static List<GridRow> grid(WeeklyReport w) {
        Map<String, String> titles = new LinkedHashMap<>();
        if (w.period() != null) {
            w.period().findings().forEach(f -> titles.putIfAbsent(f.id(), f.title()));
        }
        for (Insight i : w.daily()) {
            if (i != null) {
                i.findings().forEach(f -> titles.putIfAbsent(f.id(), f.title()));
            }
        }
        List<GridRow> rows = new ArrayList<>();
        titles.forEach((id, title) -> {
            List<Severity> days = new ArrayList<>();
            w.daily().forEach(i -> days.add(severity(i, id)));
            rows.add(new GridRow(id, title, days, severity(w.period(), id)));
        });
        return rows;
    }

    private static Severity severity(Insight i, String id) {
        if (i == null) {
            return null;
        }
        return i.findings().stream().filter(f -> f.id().equals(id)).map(Finding::severity).findFirst().orElse(null);
    }

    static boolean anyLibrary(WeeklyReport w) {
        return (w.period() != null && w.period().hasLibrary()) || w.daily().stream().anyMatch(i -> i != null && i.hasLibrary());
    }

    static boolean anyServer(WeeklyReport w) {
        return (w.period() != null && w.period().server() != null)
                || w.daily().stream().anyMatch(i -> i != null && i.server() != null);
    }

    /** The library figures of a day or the period, in column order; null values are n/a. */
    static Map<String, Object> library(Insight i) {
        Map<String, Object> m = new LinkedHashMap<>();
        Diagnosis d = i.diagnosis();
        LibraryResult lib = i.library();
        // HikariCP's leak figures are known only where its lines were read into the library's result; an input
        // detected as HikariCP whose result was not carried (a summary without it) is n/a, not 0
        boolean hikari = lib.leakDetection() || lib.libraryLines().values().stream().anyMatch(x -> x.containsKey("hikaricp"));
        m.put("dialects", dialects(i));
        m.put("leak_warnings", hikari ? (Object) lib.suspected() : null);
        m.put("returned_late", hikari ? (Object) lib.returnedLate() : null);
        m.put("true_leaks", hikari ? (Object) lib.trueLeakCount() : null);
        m.put("pool_max", d.pool().poolMax() >= 0 ? (Object) (long) d.pool().poolMax() : null);
        m.put("pool_max_source", d.pool().poolMax() < 0 ? null
                : lib.maxSource() != null && !lib.maxSource().isEmpty() ? lib.maxSource() : "pool_max field");
        m.put("peak_waiting", lib.peakWaiting() >= 0 ? (Object) (long) lib.peakWaiting() : null);
        return m;
    }

    /** The dialects read: those whose pool events the stretch showed, else those its inputs were detected as. */
    static String dialects(Insight i) {
        java.util.Set<String> names = new java.util.TreeSet<>();
        i.library().poolEvents().values().forEach(m -> names.addAll(m.keySet()));
        if (names.isEmpty()) {
            i.diagnosis().input().dialects().stream().filter(x -> x.dialect() != null).forEach(x -> names.add(x.dialect()));
        }
        return names.isEmpty() ? null : String.join(", ", names);
    }

    /** The server figures of a day or the period; null when no server log was read for it. */
    static Map<String, Object> server(Insight i) {
        if (i == null || i.server() == null) {
            return null;
        }
        ServerResult r = i.server().result();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sessions", r.sessions().count());
        m.put("peak_sessions", r.sessions().peak());
        m.put("idle_in_transaction_kills", r.idleInTransactionKills());
        m.put("too_many_clients", r.tooManyClients());
        m.put("statement_timeouts", r.statementTimeouts());
        return m;
    }

    /** The join's three sentences (leaks, failed connects, timeouts), or empty without a join. */
    static List<String> join(Insight i) {
        if (i == null || i.server() == null || i.server().join() == null) {
            return List.of();
        }
        JoinResult j = i.server().join();
        List<String> out = new ArrayList<>();
        for (JoinResult.Pair p : List.of(j.leaks(), j.failedConnects(), j.timeouts())) {
            if (p != null && p.verdict() != null) {
                out.add(p.verdict());
            }
        }
        out.addAll(j.notes());
        return out;
    }

    /** The period's most frequent origins of HikariCP's true leaks. */
    static List<Map.Entry<String, Long>> origins(WeeklyReport w) {
        if (w.period() == null) {
            return List.of();
        }
        List<Map.Entry<String, Long>> all = w.period().library().byOrigin();
        return all.size() <= ORIGINS ? all : all.subList(0, ORIGINS);
    }

    static String text(Object v) {
        return v == null ? "n/a" : v.toString();
    }

    static String day(java.time.LocalDate d) {
        return d.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ROOT) + " " + d;
    }

    static final List<String> LIBRARY_HEADERS = List.of("dialects", "leak warnings", "returned late", "true leaks",
            "pool max", "pool max from", "peak waiting");
    static final List<String> SERVER_HEADERS = List.of("sessions", "peak sessions", "idle-in-transaction kills",
            "too many clients", "statement timeouts");

    /** Label and cells of each row of a per-day table (days then the period); null cells: no insight. */
    static List<Map.Entry<String, List<String>>> table(WeeklyReport w, java.util.function.Function<Insight, Map<String, Object>> figures,
                                                       int columns) {
        List<Map.Entry<String, List<String>>> rows = new ArrayList<>();
        for (int k = 0; k < w.days().size(); k++) {
            rows.add(Map.entry(day(w.days().get(k).date()), cells(w.daily().get(k), figures, columns)));
        }
        rows.add(Map.entry("Period", cells(w.period(), figures, columns)));
        return rows;
    }

    private static List<String> cells(Insight i, java.util.function.Function<Insight, Map<String, Object>> figures,
                                      int columns) {
        Map<String, Object> m = i == null ? null : figures.apply(i);
        if (m == null) {
            return java.util.Collections.nCopies(columns, "n/a");
        }
        return m.values().stream().map(WeeklyExtras::text).collect(Collectors.toList());
    }
}
