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
import java.util.function.UnaryOperator;

/** The pool-usage part of a summary file: per-process machines, windows, heads (docs/summaries.md). */
final class UsageWriter {
    private UsageWriter() {}

    /** {@code mask} applies to process names; two that become equal keep the first's state (docs/summaries.md). */
    static void usage(JsonGenerator g, UsageState u, UnaryOperator<String> mask) throws IOException {
        g.writeObjectFieldStart("usage");
        g.writeObjectFieldStart("processes");
        for (var e : maskedKeys(u.processes(), mask).entrySet()) {
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
            window(g, p.pending(), mask);
            g.writeFieldName("first_done");
            window(g, p.firstDone(), mask);
            g.writeEndObject();
        }
        g.writeEndObject();
        g.writeArrayFieldStart("closed");
        for (Window w : u.closed()) {
            window(g, w, mask);
        }
        g.writeEndArray();
        g.writeNumberField("closed_count", u.closedCount());
        g.writeNumberField("peak", u.peak());
        SummaryWriter.time(g, "peak_at_us", u.peakAt());
        g.writeStringField("peak_process", u.peakProcess() == null ? null : mask.apply(u.peakProcess()));
        g.writeNumberField("pool_max", u.poolMax());
        g.writeEndObject();
    }

    static void window(JsonGenerator g, Window w, UnaryOperator<String> mask) throws IOException {
        if (w == null) {
            g.writeNull();
            return;
        }
        g.writeStartArray();
        g.writeString(mask.apply(w.process()));
        SummaryWriter.timeValue(g, w.start());
        SummaryWriter.timeValue(g, w.end());
        g.writeNumber(w.peakUsed());
        g.writeNumber(w.getconnFailed());
        g.writeNumber(w.nearlyExhausted());
        g.writeNumber(w.episodes());
        g.writeBoolean(w.ongoingAtEnd());
        g.writeEndArray();
    }

    static void heads(JsonGenerator g, Map<String, UsageHead> heads, UnaryOperator<String> mask) throws IOException {
        g.writeObjectFieldStart("heads");
        for (var e : maskedKeys(heads, mask).entrySet()) {
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

    private static <V> TreeMap<String, V> maskedKeys(Map<String, V> byProcess, UnaryOperator<String> mask) {
        TreeMap<String, V> out = new TreeMap<>();
        new TreeMap<>(byProcess).forEach((k, v) -> out.putIfAbsent(mask.apply(k), v));
        return out;
    }
}
