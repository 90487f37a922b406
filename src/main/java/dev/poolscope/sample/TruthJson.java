package dev.poolscope.sample;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;

/** Writes a {@link Truth} as the pretty-printed, snake_case {@code *.expected.json}. */
public final class TruthJson {
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();

    private TruthJson() {}

    public static void write(Truth t, OutputStream out) throws IOException {
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.setPrettyPrinter(printer());
            g.writeStartObject();
            g.writeStringField("scenario", t.scenario());
            g.writeNumberField("seed", t.seed());
            g.writeNumberField("bytes", t.bytes());
            g.writeNumberField("lines", t.lines());
            g.writeNumberField("getconn", t.getconn());
            g.writeNumberField("putconn", t.putconn());
            g.writeNumberField("leak_delta", t.leakDelta());
            g.writeNumberField("getconn_failed", t.getconnFailed());
            g.writeNumberField("nearly_exhausted", t.nearlyExhausted());
            g.writeNumberField("exhaustion_errors", t.exhaustionErrors());
            g.writeNumberField("leaked_checkouts", t.leakedCheckouts());
            g.writeNumberField("requests_without_close", t.requestsWithoutClose());
            writeStrings(g, "leaked_request_ids", t.leakedRequestIds());
            g.writeBooleanField("leaked_request_ids_truncated", t.leakedRequestIdsTruncated());
            g.writeObjectFieldStart("leaks_by_endpoint");
            for (Map.Entry<String, Truth.EndpointLeaks> e : t.leaksByEndpoint().entrySet()) {
                g.writeObjectFieldStart(e.getKey());
                g.writeNumberField("checkouts", e.getValue().checkouts());
                g.writeNumberField("requests", e.getValue().requests());
                g.writeEndObject();
            }
            g.writeEndObject();
            g.writeNumberField("statement_timeout_events", t.statementTimeoutEvents());
            g.writeNumberField("statement_timeout_requests", t.statementTimeoutRequests());
            g.writeNumberField("timeout_requests_left_connection_open", t.timeoutRequestsLeftConnectionOpen());
            g.writeObjectFieldStart("pool_used_max");
            for (Map.Entry<Integer, Integer> e : t.poolUsedMax().entrySet()) {
                g.writeNumberField(String.valueOf(e.getKey()), e.getValue());
            }
            g.writeEndObject();
            g.writeStringField("first_timestamp", t.firstTimestamp());
            g.writeStringField("last_timestamp", t.lastTimestamp());
            writeIntervals(g, t.nearExhaustion());
            g.writeEndObject();
            g.writeRaw('\n');
        }
    }

    /** Two-space indent, one array item per line, "\n" on every platform, so files diff cleanly. */
    private static DefaultPrettyPrinter printer() {
        DefaultPrettyPrinter pp = new DefaultPrettyPrinter(Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER));
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        pp.indentObjectsWith(indenter);
        pp.indentArraysWith(indenter);
        return pp;
    }

    private static void writeStrings(JsonGenerator g, String name, List<String> values) throws IOException {
        g.writeArrayFieldStart(name);
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }

    private static void writeIntervals(JsonGenerator g, Map<Integer, List<Truth.Interval>> byPid)
            throws IOException {
        g.writeObjectFieldStart("near_exhaustion_intervals");
        for (Map.Entry<Integer, List<Truth.Interval>> e : byPid.entrySet()) {
            g.writeArrayFieldStart(String.valueOf(e.getKey()));
            for (Truth.Interval i : e.getValue()) {
                g.writeStartObject();
                g.writeStringField("start", i.start());
                g.writeStringField("last_above", i.lastAbove());
                g.writeStringField("end", i.end());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        g.writeEndObject();
    }
}
