package dev.poolscope.summary;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.poolscope.analysis.ProcessState;
import dev.poolscope.analysis.UsageHead;
import dev.poolscope.analysis.UsageState;
import dev.poolscope.analysis.UsageStep;
import dev.poolscope.analysis.Window;
import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;

/** The pool-usage part of a summary file: per-process machines, windows, heads (docs/summaries.md). */
final class UsageWriter {
    private UsageWriter() {}

    static void usage(JsonGenerator g, UsageState u) throws IOException {
        g.writeObjectFieldStart("usage");
        g.writeObjectFieldStart("processes");
        for (var e : new TreeMap<>(u.processes()).entrySet()) {
            ProcessState p = e.getValue();
            g.writeObjectFieldStart(e.getKey());
            g.writeBooleanField("reports", p.reports());
            g.writeNumberField("open", p.open());
            g.writeBooleanField("above", p.above());
            SummaryWriter.time(g, "raw_start_us", p.rawStart());
            SummaryWriter.time(g, "last_above_us", p.lastAbove());
            g.writeNumberField("raw_peak", p.rawPeak());
            g.writeNumberField("raw_failed", p.rawFailed());
            g.writeNumberField("raw_nearly", p.rawNearly());
            g.writeNumberField("closed_above_us", p.closedAboveMicros());
            g.writeFieldName("pending");
            window(g, p.pending());
            g.writeFieldName("first_done");
            window(g, p.firstDone());
            g.writeEndObject();
        }
        g.writeEndObject();
        g.writeArrayFieldStart("closed");
        for (Window w : u.closed()) {
            window(g, w);
        }
        g.writeEndArray();
        g.writeNumberField("closed_count", u.closedCount());
        g.writeNumberField("peak", u.peak());
        SummaryWriter.time(g, "peak_at_us", u.peakAt());
        g.writeStringField("peak_process", u.peakProcess());
        g.writeNumberField("pool_max", u.poolMax());
        g.writeEndObject();
    }

    static void window(JsonGenerator g, Window w) throws IOException {
        if (w == null) {
            g.writeNull();
            return;
        }
        g.writeStartArray();
        g.writeString(w.process());
        SummaryWriter.timeValue(g, w.start());
        SummaryWriter.timeValue(g, w.end());
        g.writeNumber(w.peakUsed());
        g.writeNumber(w.getconnFailed());
        g.writeNumber(w.nearlyExhausted());
        g.writeNumber(w.episodes());
        g.writeBoolean(w.ongoingAtEnd());
        g.writeEndArray();
    }

    static void heads(JsonGenerator g, Map<String, UsageHead> heads) throws IOException {
        g.writeObjectFieldStart("heads");
        for (var e : new TreeMap<>(heads).entrySet()) {
            g.writeObjectFieldStart(e.getKey());
            g.writeBooleanField("synced", e.getValue().synced());
            g.writeBooleanField("truncated", e.getValue().truncated());
            g.writeArrayFieldStart("steps");
            for (UsageStep s : e.getValue().steps()) {
                g.writeStartArray();
                g.writeString(s.kind().name());
                SummaryWriter.timeValue(g, s.time());
                g.writeNumber(s.used());
                g.writeEndArray();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndObject();
    }
}
