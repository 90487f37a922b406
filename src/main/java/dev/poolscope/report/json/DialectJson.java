package dev.poolscope.report.json;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.poolscope.analysis.Diagnosis;
import dev.poolscope.analysis.InputDialect;
import dev.poolscope.analysis.LeakItem;
import dev.poolscope.analysis.LibraryResult;
import dev.poolscope.report.Units;
import java.io.IOException;
import java.util.Map;

/** The report's fields about pool-library dialects (issue #16; docs/report-schema.md). */
final class DialectJson {
    private DialectJson() {}

    /** {@code input.dialects}: how each input was read and what its pool libraries showed. */
    static void inputs(JsonGenerator g, Diagnosis d) throws IOException {
        LibraryResult lib = d.library();
        g.writeArrayFieldStart("dialects");
        for (InputDialect in : d.input().dialects()) {
            g.writeStartObject();
            g.writeStringField("file", in.file());
            Map<String, Long> events = lib.poolEvents().getOrDefault(in.file(), Map.of());
            g.writeStringField("dialect", dialectOf(in, events));
            g.writeStringField("detected", in.dialect());
            g.writeBooleanField("forced", in.forced());
            g.writeStringField("evidence", in.evidence());
            g.writeStringField("format", in.format());
            counts(g, "pool_events", events);
            counts(g, "library_lines", lib.libraryLines().getOrDefault(in.file(), Map.of()));
            g.writeStringField("cannot_observe", in.cannotObserve().isEmpty() ? null : in.cannotObserve());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    /** The dialect whose pool events the input showed most, else the one detected. */
    private static String dialectOf(InputDialect in, Map<String, Long> events) {
        Map.Entry<String, Long> best = null;
        for (Map.Entry<String, Long> e : events.entrySet()) {
            if (best == null || e.getValue() > best.getValue()) {   // the first of equals, as Stream.max
                best = e;
            }
        }
        return best == null ? in.dialect() : best.getKey();
    }

    private static void counts(JsonGenerator g, String name, Map<String, Long> counts) throws IOException {
        g.writeObjectFieldStart(name);
        for (Map.Entry<String, Long> e : counts.entrySet()) {
            g.writeNumberField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
    }

    /** {@code counts.getconn}/{@code putconn}: null when no dialect read logs checkouts (HikariCP). */
    static void checkoutCount(JsonGenerator g, String name, long value, Diagnosis d) throws IOException {
        if (d.checkoutsLogged()) {
            g.writeNumberField(name, value);
        } else {
            g.writeNullField(name);
        }
    }

    /** {@code leaks.suspected}, {@code returned_late}, {@code by_origin}: null where no leak detection was read. */
    static void leaks(JsonGenerator g, Diagnosis d) throws IOException {
        LibraryResult lib = d.library();
        boolean hikari = lib.leakDetection() || lib.libraryLines().values().stream()
                .anyMatch(m -> m.containsKey("hikaricp"));
        nullable(g, "suspected", hikari, lib.suspected());
        nullable(g, "returned_late", hikari, lib.returnedLate());
        g.writeArrayFieldStart("by_origin");
        for (Map.Entry<String, Long> e : lib.byOrigin()) {
            g.writeStartObject();
            g.writeStringField("origin", e.getKey());
            g.writeNumberField("leaked_checkouts", e.getValue());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("origin_helpers_skipped");
        for (String h : lib.helpers()) {
            g.writeString(h);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("returned_late_items");
        for (LeakItem l : lib.returned()) {
            g.writeStartObject();
            g.writeStringField("request_id", l.requestId());
            g.writeStringField("endpoint", l.endpoint());
            itemFields(g, l);
            g.writeStringField("acquired_at", Units.time(l.acquiredAt()));
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("notes");
        for (String n : lib.notes()) {
            g.writeString(n);
        }
        g.writeEndArray();
    }

    /** Each leak item's {@code connection}, {@code thread} and {@code origin} (null where the log cannot say). */
    static void itemFields(JsonGenerator g, LeakItem l) throws IOException {
        g.writeStringField("connection", l.connId());
        g.writeStringField("thread", l.thread());
        g.writeStringField("origin", l.origin());
    }

    /** {@code pool.max_source}, {@code pool.used_thresholds}, {@code pool.peak_waiting}, {@code pool.configuration}. */
    static void pool(JsonGenerator g, Diagnosis d) throws IOException {
        LibraryResult lib = d.library();
        String source = lib.maxSource() != null && lib.maxSource().length() > 0 ? lib.maxSource() : "pool_max field";
        g.writeStringField("max_source", d.pool().poolMax() >= 0 ? source : null);
        g.writeStringField("used_thresholds", d.options().thresholds().poolUsedBasis(d.pool().poolMax()));
        if (lib.peakWaiting() >= 0) {
            g.writeNumberField("peak_waiting", lib.peakWaiting());
        } else {
            g.writeNullField("peak_waiting");
        }
        g.writeObjectFieldStart("configuration");
        for (Map.Entry<String, String> e : lib.config().entrySet()) {
            g.writeStringField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
    }

    private static void nullable(JsonGenerator g, String name, boolean known, long value) throws IOException {
        if (known) {
            g.writeNumberField(name, value);
        } else {
            g.writeNullField(name);
        }
    }
}
