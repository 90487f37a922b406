package dev.poolscope.report.weekly;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import dev.poolscope.analysis.Threshold;
import dev.poolscope.weekly.DayFigures;
import dev.poolscope.weekly.EndpointWeek;
import dev.poolscope.weekly.WeeklyReport;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** The weekly report as JSON, schema {@code poolscope-weekly/1} (docs/weekly-report.md). */
public final class WeeklyJson {
    public static final String SCHEMA = "poolscope-weekly/1";

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    private WeeklyJson() {}

    public static void write(WeeklyReport w, Writer out) throws IOException {
        try (JsonGenerator g = FACTORY.createGenerator(out).useDefaultPrettyPrinter()) {
            g.writeStartObject();
            g.writeStringField("schema", SCHEMA);
            g.writeStringField("from", w.from().toString());
            g.writeStringField("to", w.to().toString());
            g.writeStringField("timezone", w.zone().getId());
            g.writeArrayFieldStart("inputs");
            for (String f : w.inputs()) {
                g.writeString(f);
            }
            g.writeEndArray();
            g.writeObjectFieldStart("thresholds");
            threshold(g, "pool_used", w.thresholds().poolUsed());
            threshold(g, "leak_delta", w.thresholds().leakDelta());
            threshold(g, "requests_without_close", w.thresholds().requestsWithoutClose());
            g.writeEndObject();
            g.writeArrayFieldStart("days");
            for (int k = 0; k < w.days().size(); k++) {
                DayFigures d = w.days().get(k);
                g.writeStartObject();
                g.writeStringField("date", d.date().toString());
                figures(g, d, w.checkoutsLogged());
                ExtrasJson.day(g, w.daily().get(k));
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeObjectFieldStart("totals");
            figures(g, w.totals(), w.checkoutsLogged());
            g.writeEndObject();
            g.writeStringField("worst_day", w.worstDay() == null ? null : w.worstDay().date().toString());
            endpoints(g, w);
            previous(g, w);
            ExtrasJson.period(g, w);
            g.writeArrayFieldStart("notes");
            for (String n : w.notes()) {
                g.writeString(n);
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeRaw('\n');
        }
    }

    private static void threshold(JsonGenerator g, String name, Threshold t) throws IOException {
        g.writeObjectFieldStart(name);
        g.writeNumberField("normal_max", t.normalMax());
        g.writeNumberField("critical_above", t.criticalAbove());
        g.writeEndObject();
    }

    /** {@code checkouts}: false when no input logs checkouts (HikariCP alone): getconn and putconn are null. */
    private static void figures(JsonGenerator g, DayFigures d, boolean checkouts) throws IOException {
        if (checkouts) {
            g.writeNumberField("getconn", d.getconn());
            g.writeNumberField("putconn", d.putconn());
            g.writeNumberField("leak_delta", d.leakDelta());
        } else {
            g.writeNullField("getconn");
            g.writeNullField("putconn");
            g.writeNullField("leak_delta");
        }
        g.writeNumberField("requests_without_close", d.requestsWithoutClose());
        g.writeNumberField("leaked_checkouts", d.leakedCheckouts());
        if (d.peakUsed() >= 0) {
            g.writeNumberField("peak_used", d.peakUsed());
        } else {
            g.writeNullField("peak_used");
        }
        g.writeNumberField("minutes_above_critical", minutes(d.aboveCriticalMicros()));
        g.writeNumberField("getconn_failed", d.getconnFailed());
        g.writeNumberField("statement_timeouts", d.statementTimeouts());
        g.writeStringField("verdict", d.verdict() == null ? null : d.verdict().label());
    }

    static BigDecimal minutes(long micros) {
        return BigDecimal.valueOf(micros).divide(BigDecimal.valueOf(60_000_000L), 2, RoundingMode.HALF_UP);
    }

    private static void endpoints(JsonGenerator g, WeeklyReport w) throws IOException {
        g.writeArrayFieldStart("worst_endpoints");
        for (EndpointWeek e : w.worstEndpoints()) {
            g.writeStartObject();
            g.writeStringField("endpoint", e.endpoint());
            g.writeNumberField("requests_without_close", e.requestsWithoutClose());
            g.writeNumberField("leaked_checkouts", e.leakedCheckouts());
            g.writeNumberField("statement_timeouts", e.statementTimeouts());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void previous(JsonGenerator g, WeeklyReport w) throws IOException {
        if (w.previous() == null) {
            g.writeNullField("previous");
            g.writeNullField("change");
            return;
        }
        DayFigures p = w.previous();
        g.writeObjectFieldStart("previous");
        g.writeStringField("from", p.date().toString());
        figures(g, p, w.checkoutsLogged());
        g.writeEndObject();
        DayFigures t = w.totals();
        g.writeObjectFieldStart("change");
        g.writeNumberField("getconn", t.getconn() - p.getconn());
        g.writeNumberField("putconn", t.putconn() - p.putconn());
        g.writeNumberField("leak_delta", t.leakDelta() - p.leakDelta());
        g.writeNumberField("requests_without_close", t.requestsWithoutClose() - p.requestsWithoutClose());
        g.writeNumberField("leaked_checkouts", t.leakedCheckouts() - p.leakedCheckouts());
        g.writeNumberField("peak_used", Math.max(0, t.peakUsed()) - Math.max(0, p.peakUsed()));
        g.writeNumberField("minutes_above_critical", minutes(t.aboveCriticalMicros() - p.aboveCriticalMicros()));
        g.writeNumberField("getconn_failed", t.getconnFailed() - p.getconnFailed());
        g.writeNumberField("statement_timeouts", t.statementTimeouts() - p.statementTimeouts());
        g.writeEndObject();
    }
}
