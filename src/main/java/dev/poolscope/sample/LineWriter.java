package dev.poolscope.sample;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * Writes one structlog-shaped JSON object per line, streaming. Field order follows the captured
 * logs: logger, event-specific fields, event, request/job context, pid, level, timestamp,
 * exception. Timestamps never go backwards: a line is stamped max(requested, previous).
 */
final class LineWriter {
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .disable(StreamWriteFeature.FLUSH_PASSED_TO_STREAM)
            .build();

    private final CountingOutputStream counter;
    private final JsonGenerator g;
    private final Timestamps timestamps = new Timestamps();
    private final char[] decimal = new char[24];
    private long lastTs = Long.MIN_VALUE;

    LineWriter(OutputStream out) {
        counter = new CountingOutputStream(new BufferedOutputStream(out, 1 << 16));
        try {
            g = FACTORY.createGenerator(counter);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        g.setPrettyPrinter(new PythonSeparators());
    }

    LineWriter begin(String logger) {
        try {
            g.writeStartObject();
            g.writeStringField("logger", logger);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    LineWriter str(String key, String value) {
        try {
            g.writeStringField(key, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    LineWriter num(String key, long value) {
        try {
            g.writeNumberField(key, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    LineWriter bool(String key, boolean value) {
        try {
            g.writeBooleanField(key, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** A two-decimal float the way Python's repr prints it (26.45, 26.4, 802.0); avoids JDK 17 Double.toString quirks. */
    LineWriter dec(String key, long hundredths) {
        int p = decimal.length;
        long v = Math.abs(hundredths);
        int cents = (int) (v % 100);
        if (cents % 10 != 0) {
            decimal[--p] = (char) ('0' + cents % 10);
        }
        decimal[--p] = (char) ('0' + cents / 10);
        decimal[--p] = '.';
        long whole = v / 100;
        do {
            decimal[--p] = (char) ('0' + whole % 10);
            whole /= 10;
        } while (whole > 0);
        if (hundredths < 0) {
            decimal[--p] = '-';
        }
        try {
            g.writeFieldName(key);
            g.writeNumber(decimal, p, decimal.length - p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Finishes the line and returns the timestamp (epoch micros) it was stamped with. */
    long end(String event, Origin origin, int pid, String level, long at, String exception) {
        long ts = Math.max(at, lastTs);
        lastTs = ts;
        try {
            g.writeStringField("event", event);
            if (origin != null && origin.isRequest()) {
                g.writeStringField("method", origin.method);
                g.writeStringField("request_id", origin.requestId);
                g.writeStringField("path", origin.path);
            } else if (origin != null) {
                g.writeStringField("job_id", origin.jobId);
                g.writeStringField("job", origin.job);
            }
            g.writeNumberField("pid", pid);
            g.writeStringField("level", level);
            g.writeFieldName("timestamp");
            g.writeString(timestamps.chars(ts), 0, 27);
            if (exception != null) {
                g.writeStringField("exception", exception);
            }
            g.writeEndObject();
            g.writeRaw('\n');
            g.flush(); // into the counter, so bytes() is exact after every line
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ts;
    }

    long bytes() {
        return counter.count();
    }

    void finish() {
        try {
            g.flush();
            counter.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
