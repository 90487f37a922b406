package dev.poolscope.event;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The nested members logback's {@code JsonEncoder} writes (1.3.8+; docs/log-format.md), read on the jackson path
 * of the library decoder: the {@code mdc} object and the {@code kvpList} pairs, whose members count as top-level
 * keys (request id, path); the {@code arguments} of the message template; and the {@code throwable} object,
 * rendered as Java prints a stack trace ({@link ThrowableText}). Every string in them is still searched for the
 * error texts, as every nested string is. One per decoder; {@link #clear()} before each line.
 */
final class NestedValues {
    /** Arguments kept per line: SLF4J messages have a few; the rest of a hostile line is only scanned. */
    private static final int MAX_ARGUMENTS = 64;

    /** What the decoder does with what is found. */
    interface Sink {
        /** A string value at any depth: searched for the error texts. */
        void scan(JsonParser p) throws IOException;

        /** A scalar member of the MDC or of a key-value pair, taken as if it were a top-level key. */
        void member(FieldMapping.Slot slot, JsonParser p) throws IOException;

        /** A throwable object, rendered as a stack trace. */
        void stack(FieldMapping.Slot slot, String text);
    }

    private final FieldMapping mapping;
    private final Sink sink;
    private final List<String> arguments = new ArrayList<>();
    private boolean hasArguments;

    NestedValues(FieldMapping mapping, Sink sink) {
        this.mapping = mapping;
        this.sink = sink;
    }

    void clear() {
        if (hasArguments) {
            arguments.clear();
            hasArguments = false;
        }
    }

    /** Whether the line had an {@code arguments} array (the message is then a template). */
    boolean hasArguments() {
        return hasArguments;
    }

    List<String> arguments() {
        return arguments;
    }

    /** Reads the object or array the parser is on, of a {@link Field#structured()} field, through its end. */
    void read(FieldMapping.Slot slot, JsonParser p) throws IOException {
        JsonToken start = p.currentToken();
        if (slot.field() == Field.NESTED_KEYS && start == JsonToken.START_OBJECT) {
            members(p);
        } else if (slot.field() == Field.NESTED_KEYS) {
            pairs(p);
        } else if (slot.field() == Field.ARGUMENTS && start == JsonToken.START_ARRAY) {
            arguments(p);
        } else if (slot.field() == Field.STACK && start == JsonToken.START_OBJECT) {
            sink.stack(slot, ThrowableText.read(p, this));
        } else {
            skip(p);
        }
    }

    /** An object's members as top-level keys; nested values in it are only scanned. */
    private void members(JsonParser p) throws IOException {
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            FieldMapping.Slot slot = mapping.slot(p.currentName());
            JsonToken v = value(p);
            if (v == JsonToken.START_OBJECT || v == JsonToken.START_ARRAY) {
                skip(p);
                continue;
            }
            if (v == JsonToken.VALUE_STRING) {
                sink.scan(p);
            }
            boolean scalar = v == JsonToken.VALUE_STRING || v == JsonToken.VALUE_NUMBER_INT
                    || v == JsonToken.VALUE_NUMBER_FLOAT;
            if (scalar && slot != null && !slot.field().structured()) {
                sink.member(slot, p);
            }
        }
        end(t);
    }

    /** {@code kvpList}: {@code [{"key": "value"}, …]}, each pair read as a top-level key. */
    private void pairs(JsonParser p) throws IOException {
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY && t != null) {
            if (t == JsonToken.START_OBJECT) {
                members(p);
            } else {
                skipValue(p);
            }
        }
        end(t);
    }

    private void arguments(JsonParser p) throws IOException {
        hasArguments = true;
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY && t != null) {
            String text = null;
            if (t == JsonToken.VALUE_STRING) {
                sink.scan(p);
                text = p.getText();
            } else if (t.isScalarValue()) {
                text = p.getText();
            } else {
                skip(p);
            }
            if (arguments.size() < MAX_ARGUMENTS) {
                arguments.add(text);
            }
        }
        end(t);
    }

    /** Consumes the value the parser is on (a scalar, or a container through its end), scanning its strings. */
    void skipValue(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
            skip(p);
        } else if (t == JsonToken.VALUE_STRING) {
            sink.scan(p);
        }
    }

    /** Consumes the container the parser is on through its end, scanning its strings. */
    void skip(JsonParser p) throws IOException {
        int depth = 1;
        while (depth > 0) {
            JsonToken t = p.nextToken();
            if (t == null) {
                throw new IOException("truncated JSON object");
            }
            switch (t) {
                case START_OBJECT, START_ARRAY -> depth++;
                case END_OBJECT, END_ARRAY -> depth--;
                case VALUE_STRING -> sink.scan(p);
                default -> { }
            }
        }
    }

    /** The token of a member's value; a line cut after the key is malformed, as on jackson's own path. */
    static JsonToken value(JsonParser p) throws IOException {
        JsonToken v = p.nextToken();
        if (v == null) {
            throw new IOException("truncated JSON object");
        }
        return v;
    }

    private static void end(JsonToken t) throws IOException {
        if (t == null) {
            throw new IOException("truncated JSON object");
        }
    }

    Sink sink() {
        return sink;
    }
}
