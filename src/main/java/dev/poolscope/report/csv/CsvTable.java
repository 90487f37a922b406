package dev.poolscope.report.csv;

import dev.poolscope.analysis.Diagnosis;
import java.io.IOException;
import java.util.List;

/** The CSV exports of {@code --csv DIR}: one file per table, columns documented in docs/reports.md. */
public enum CsvTable {
    TIMELINE("timeline.csv", CsvRows::timeline, "bucket_start", "bucket_seconds", "getconn", "putconn", "leak_delta",
            "pool_used_max", "open_checkouts_max", "getconn_failed", "statement_timeouts", "level"),
    LEAKS("leaks.csv", CsvRows::leaks, "state", "request_id", "conn_id", "endpoint", "process", "acquired_at", "age_s",
            "request_ended", "file", "line"),
    LONG_HOLDS("long_holds.csv", CsvRows::longHolds, "request_id", "conn_id", "endpoint", "process", "acquired_at",
            "returned_at", "held_s"),
    WINDOWS("windows.csv", CsvRows::windows, "process", "start", "end", "duration_s", "peak_used", "getconn_failed",
            "nearly_exhausted", "episodes", "ongoing_at_end"),
    TIMEOUTS("timeouts.csv", CsvRows::timeouts, "time", "request_id", "endpoint", "process", "file", "line"),
    ENDPOINTS("endpoints.csv", CsvRows::endpoints, "endpoint", "checkouts", "leaked_checkouts", "statement_timeouts",
            "hold_count", "hold_p50_ms", "hold_p95_ms", "hold_p99_ms", "hold_max_ms"),
    HEALTH("health.csv", CsvRows::health, "metric", "value", "level", "normal_max", "critical_above"),
    SERVER_APPLICATIONS("server_applications.csv", ServerCsvRows::applications, "application", "sessions",
            "idle_in_transaction_kills", "eof_in_transaction", "too_many_clients", "statement_timeouts", "other_losses"),
    SERVER_LOSSES("server_losses.csv", ServerCsvRows::losses, "kind", "time", "pid", "application", "user", "database",
            "client", "session_start", "lived_s", "file", "line"),
    SERVER_TIMEOUTS("server_timeouts.csv", ServerCsvRows::statements, "statement", "application", "count"),
    SERVER_JOIN("server_join.csv", ServerCsvRows::join, "comparison", "app", "server", "matched", "app_only",
            "server_only", "verdict");

    /** Writes the rows of one table; each row is a list of cells already made safe. */
    @FunctionalInterface
    interface Rows {
        void write(Diagnosis d, RowSink out) throws IOException;
    }

    @FunctionalInterface
    interface RowSink {
        void row(List<?> cells) throws IOException;
    }

    private final String fileName;
    private final Rows rows;
    private final List<String> header;

    CsvTable(String fileName, Rows rows, String... header) {
        this.fileName = fileName;
        this.rows = rows;
        this.header = List.of(header);
    }

    public String fileName() {
        return fileName;
    }

    public List<String> header() {
        return header;
    }

    /** Whether this table belongs in the output: the server's only with a server log, the join only with both. */
    public boolean appliesTo(Diagnosis d) {
        return switch (this) {
            case SERVER_APPLICATIONS, SERVER_LOSSES, SERVER_TIMEOUTS -> d.server() != null;
            case SERVER_JOIN -> d.server() != null && d.server().join() != null;
            default -> true;
        };
    }

    void rows(Diagnosis d, RowSink out) throws IOException {
        rows.write(d, out);
    }
}
