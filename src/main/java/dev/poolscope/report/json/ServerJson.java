package dev.poolscope.report.json;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.poolscope.report.Units;
import dev.poolscope.server.ApplicationRow;
import dev.poolscope.server.ConcurrencyPoint;
import dev.poolscope.server.RefusalWindow;
import dev.poolscope.server.ServerResult;
import dev.poolscope.server.SessionFigures;
import dev.poolscope.server.SessionLengths;
import dev.poolscope.server.SessionLoss;
import dev.poolscope.server.SessionRow;
import dev.poolscope.server.StatementRow;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/** The {@code server} object: PostgreSQL's own log (docs/report-schema.md). Figures the log cannot give are null. */
final class ServerJson {
    private ServerJson() {}

    static void write(JsonGenerator g, ServerResult r) throws IOException {
        g.writeObjectFieldStart("server");
        g.writeObjectFieldStart("inputs");
        for (var e : r.formats().entrySet()) {
            g.writeStringField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
        g.writeNumberField("records", r.records());
        g.writeNumberField("unparsed_lines", r.unparsedLines());
        g.writeStringField("first_timestamp", Units.time(r.from()));
        g.writeStringField("last_timestamp", Units.time(r.to()));
        sessions(g, r.sessions());
        g.writeArrayFieldStart("by_application");
        for (ApplicationRow a : r.byApplication()) {
            g.writeStartObject();
            g.writeStringField("application", a.application());
            g.writeNumberField("sessions", a.sessions());
            g.writeNumberField("idle_in_transaction_kills", a.idleInTransactionKills());
            g.writeNumberField("eof_in_transaction", a.eofInTransaction());
            g.writeNumberField("too_many_clients", a.tooManyClients());
            g.writeNumberField("statement_timeouts", a.statementTimeouts());
            g.writeNumberField("other_losses", a.otherLosses());
            g.writeEndObject();
        }
        g.writeEndArray();
        refusals(g, r);
        g.writeNumberField("idle_in_transaction_kills", r.idleInTransactionKills());
        g.writeNumberField("eof_in_transaction", r.eofInTransaction());
        losses(g, "held_in_transaction", r.heldInTransaction());
        timeouts(g, r);
        counts(g, "other_losses", r.otherLosses());
        losses(g, "other_loss_items", r.otherLossItems());
        g.writeEndObject();
    }

    private static void sessions(JsonGenerator g, SessionFigures s) throws IOException {
        longOrNull(g, "sessions", s.count());
        longOrNull(g, "peak_sessions", s.peak());
        g.writeStringField("peak_at", Units.time(s.peakAt()));
        if (s.maxConnections() == null) {
            g.writeNullField("max_connections");
        } else {
            g.writeNumberField("max_connections", s.maxConnections());
        }
        g.writeNumberField("connections_received", s.connectionsReceived());
        g.writeNumberField("connections_authorized", s.authorizations());
        g.writeNumberField("disconnections", s.disconnections());
        g.writeNumberField("sessions_begun_before_log", s.beganBeforeLog());
        g.writeNumberField("sessions_open_at_end", s.openAtEnd());
        lengths(g, s.lengths());
        g.writeArrayFieldStart("longest_sessions");
        for (SessionRow row : s.longest()) {
            g.writeStartObject();
            g.writeNumberField("pid", row.pid());
            g.writeStringField("application", row.application());
            g.writeStringField("user", row.user());
            g.writeStringField("database", row.database());
            g.writeStringField("client", row.client());
            g.writeStringField("start", Units.time(row.start()));
            g.writeStringField("end", Units.time(row.end()));
            g.writeNumberField("length_s", Units.seconds(row.lengthMicros()));
            g.writeEndObject();
        }
        g.writeEndArray();
        counts(g, "sessions_by_user", s.byUser());
        counts(g, "sessions_by_database", s.byDatabase());
        counts(g, "sessions_by_client", s.byClient());
        g.writeNumberField("concurrency_bucket_s", Units.seconds(s.concurrencyBucketMicros()));
        g.writeArrayFieldStart("concurrency");
        for (ConcurrencyPoint p : s.concurrency()) {
            g.writeStartObject();
            g.writeStringField("start", Units.time(p.start()));
            g.writeNumberField("sessions", p.sessions());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void lengths(JsonGenerator g, SessionLengths l) throws IOException {
        if (l == null) {
            g.writeNullField("session_length_ms");
            return;
        }
        g.writeObjectFieldStart("session_length_ms");
        g.writeNumberField("count", l.count());
        g.writeNumberField("p50", l.percentile(50));
        g.writeNumberField("p95", l.percentile(95));
        g.writeNumberField("p99", l.percentile(99));
        g.writeNumberField("max", l.maxMillis());
        g.writeArrayFieldStart("bands");
        for (SessionLengths.Band b : l.bands()) {
            g.writeStartObject();
            g.writeStringField("length", b.label());
            g.writeNumberField("sessions", b.sessions());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void refusals(JsonGenerator g, ServerResult r) throws IOException {
        g.writeNumberField("too_many_clients", r.tooManyClients());
        counts(g, "too_many_clients_by_message", r.tooManyClientsByMessage());
        g.writeArrayFieldStart("too_many_clients_windows");
        for (RefusalWindow w : r.tooManyClientsWindows()) {
            g.writeStartObject();
            g.writeStringField("start", Units.time(w.start()));
            g.writeStringField("end", Units.time(w.end()));
            g.writeNumberField("refusals", w.refusals());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void timeouts(JsonGenerator g, ServerResult r) throws IOException {
        g.writeNumberField("statement_timeouts", r.statementTimeouts());
        g.writeNumberField("user_cancels", r.userCancels());
        g.writeArrayFieldStart("statement_timeouts_by_statement");
        for (StatementRow s : r.timeoutsByStatement()) {
            g.writeStartObject();
            g.writeStringField("statement", s.statement());
            g.writeStringField("application", s.application());
            g.writeNumberField("count", s.count());
            g.writeStringField("example", s.example());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    static void losses(JsonGenerator g, String name, List<SessionLoss> losses) throws IOException {
        g.writeArrayFieldStart(name);
        for (SessionLoss l : losses) {
            loss(g, l);
        }
        g.writeEndArray();
    }

    static void loss(JsonGenerator g, SessionLoss l) throws IOException {
        g.writeStartObject();
        g.writeStringField("kind", l.kind());
        g.writeStringField("time", Units.time(l.time()));
        g.writeNumberField("pid", l.pid());
        g.writeStringField("application", l.application());
        g.writeStringField("user", l.user());
        g.writeStringField("database", l.database());
        g.writeStringField("client", l.client());
        g.writeStringField("session_start", Units.time(l.sessionStart()));
        if (l.livedMicros() < 0) {
            g.writeNullField("lived_s");
        } else {
            g.writeNumberField("lived_s", Units.seconds(l.livedMicros()));
        }
        g.writeStringField("file", l.source());
        g.writeNumberField("line", l.line());
        g.writeEndObject();
    }

    private static void counts(JsonGenerator g, String name, Map<String, Long> counts) throws IOException {
        g.writeObjectFieldStart(name);
        for (var e : counts.entrySet()) {
            g.writeNumberField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
    }

    private static void longOrNull(JsonGenerator g, String name, Long value) throws IOException {
        if (value == null) {
            g.writeNullField(name);
        } else {
            g.writeNumberField(name, value);
        }
    }
}
