package dev.poolscope.report.json;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.poolscope.analysis.Diagnosis;
import dev.poolscope.analysis.MalformedLine;
import dev.poolscope.analysis.ReadError;
import dev.poolscope.analysis.TimeQuality;
import dev.poolscope.report.Units;
import java.io.IOException;
import java.util.Map;

/** The JSON report's notes on damaged input and the log's clock (docs/robustness.md). */
final class InputNotesJson {
    private InputNotesJson() {}

    static void write(JsonGenerator g, Diagnosis d) throws IOException {
        var in = d.input();
        g.writeBooleanField("complete", !in.incomplete());
        g.writeArrayFieldStart("read_errors");
        for (ReadError e : in.readErrors()) {
            g.writeStartObject();
            g.writeStringField("file", e.source());
            g.writeNumberField("byte_offset", e.byteOffset());
            g.writeNumberField("after_line", e.afterLine());
            g.writeStringField("message", e.message());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeNumberField("repaired_lines", in.repairedLines());
        g.writeArrayFieldStart("repaired_samples");
        for (MalformedLine m : in.repairedSamples()) {
            g.writeStartObject();
            g.writeStringField("file", m.source());
            g.writeNumberField("line", m.line());
            g.writeStringField("repair", m.reason());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeNumberField("recovered_records", in.recoveredRecords());
        g.writeObjectFieldStart("timestamps");
        g.writeNumberField("unreadable", in.timestamps().unreadable());
        g.writeNumberField("without_zone", in.timestamps().withoutZone());
        g.writeObjectFieldStart("zones");
        for (Map.Entry<String, Long> z : in.timestamps().sortedZones().entrySet()) {
            g.writeNumberField(z.getKey(), z.getValue());
        }
        g.writeEndObject();
        g.writeEndObject();
        time(g, d.time());
    }

    private static void time(JsonGenerator g, TimeQuality t) throws IOException {
        g.writeObjectFieldStart("clock");
        g.writeNumberField("out_of_order_events", t.outOfOrder());
        g.writeNumberField("largest_step_back_s", Units.seconds(t.largestStepBack()));
        place(g, "largest_step_back_at", t.stepBackAt());
        g.writeNumberField("largest_gap_s", Units.seconds(t.largestGap()));
        place(g, "largest_gap_at", t.gapAt());
        g.writeNumberField("negative_hold_times", t.negativeHolds());
        g.writeNumberField("same_time_reorders", t.sameTimeReorders());
        g.writeEndObject();
    }

    private static void place(JsonGenerator g, String name, TimeQuality.Place p) throws IOException {
        if (p == null) {
            g.writeNullField(name);
            return;
        }
        g.writeObjectFieldStart(name);
        g.writeStringField("file", p.source());
        g.writeNumberField("line", p.line());
        g.writeEndObject();
    }
}
