package dev.poolscope.event;

import com.fasterxml.jackson.core.JsonFactory;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** Test helpers: decode one JSON line as the pipeline does, and express times independently of the parser. */
final class Decoding {
    private static final JsonFactory FACTORY = new JsonFactory();

    private Decoding() {}

    static PoolEvent decode(String json) throws MalformedLineException {
        return decode(json, FieldMapping.defaults(), EventNames.defaults());
    }

    static PoolEvent decode(String json, FieldMapping mapping, EventNames names) throws MalformedLineException {
        byte[] bytes = ("xx" + json + "yy").getBytes(StandardCharsets.UTF_8);   // decode from an offset, as the reader does
        int len = json.getBytes(StandardCharsets.UTF_8).length;
        return new EventDecoder(FACTORY, mapping, names).decode(bytes, 2, len, "test.jsonl", 7);
    }

    /** Microseconds since the epoch of an ISO instant, computed by java.time. */
    static long micros(String isoInstant) {
        Instant i = Instant.parse(isoInstant);
        return i.getEpochSecond() * 1_000_000L + i.getNano() / 1_000;
    }
}
