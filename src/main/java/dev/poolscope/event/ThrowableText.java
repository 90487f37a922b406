package dev.poolscope.event;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * logback JsonEncoder's {@code throwable} object ({@code className}, {@code message}, {@code stepArray} of
 * {@code {className, methodName, fileName, lineNumber}}, {@code commonFramesCount}, {@code cause}, {@code suppressed};
 * logback 1.3.8+, cause and suppressed from 1.3.9/1.4.9) rendered as {@code Throwable.printStackTrace} prints it:
 * {@code java.lang.Exception: Apparent connection leak detected}, then one {@code \tat Class.method(File.java:12)}
 * line per frame, then {@code Caused by: …}. What reads stack traces (HikariCP's leak origins, the timeout texts)
 * then reads both layouts alike. Members may come in any order.
 */
final class ThrowableText {
    /** Causes followed; a cyclic or hostile chain stops here (the rest is only scanned). */
    private static final int MAX_CAUSES = 8;
    /** JsonEncoder writes the text "null" for a null message or file name. */
    private static final String NULL = "null";

    private ThrowableText() {}

    /** Renders the object the parser is on (START_OBJECT), through its end. */
    static String read(JsonParser p, NestedValues nested) throws IOException {
        StringBuilder out = new StringBuilder(512);
        render(p, nested, out, 0);
        return out.toString();
    }

    private static void render(JsonParser p, NestedValues nested, StringBuilder out, int causes) throws IOException {
        String className = null;
        String message = null;
        StringBuilder frames = new StringBuilder();
        String common = null;
        StringBuilder cause = null;
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken v = NestedValues.value(p);
            if (v == JsonToken.VALUE_STRING) {
                nested.sink().scan(p);
            }
            switch (name) {
                case "className" -> className = v.isScalarValue() ? p.getText() : skipped(p, nested);
                case "message" -> message = v.isScalarValue() ? p.getText() : skipped(p, nested);
                case "commonFramesCount" -> common = v.isScalarValue() ? p.getText() : skipped(p, nested);
                case "stepArray" -> steps(p, nested, frames);
                case "cause" -> {
                    if (v == JsonToken.START_OBJECT && causes < MAX_CAUSES) {
                        cause = new StringBuilder();
                        render(p, nested, cause, causes + 1);
                    } else if (v != JsonToken.VALUE_STRING) {
                        nested.skipValue(p);
                    }
                }
                default -> {
                    if (v != JsonToken.VALUE_STRING) {
                        nested.skipValue(p);
                    }
                }
            }
        }
        if (t == null) {
            throw new IOException("truncated JSON object");
        }
        out.append(className == null ? "" : className);
        if (message != null && !message.equals(NULL)) {
            out.append(": ").append(message);
        }
        out.append('\n').append(frames);
        if (common != null && !common.equals("0")) {
            out.append("\t... ").append(common).append(" more\n");
        }
        if (cause != null) {
            out.append("Caused by: ").append(cause);
        }
    }

    private static String skipped(JsonParser p, NestedValues nested) throws IOException {
        nested.skipValue(p);
        return null;
    }

    private static void steps(JsonParser p, NestedValues nested, StringBuilder frames) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            nested.skipValue(p);
            return;
        }
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t == null) {
                throw new IOException("truncated JSON object");
            } else if (t == JsonToken.START_OBJECT) {
                frame(p, nested, frames);
            } else {
                nested.skipValue(p);   // not a frame: only scanned
            }
        }
    }

    /** One frame as {@code StackTraceElement.toString()} prints it, without a module (JsonEncoder has none). */
    private static void frame(JsonParser p, NestedValues nested, StringBuilder frames) throws IOException {
        String cls = null;
        String method = null;
        String file = null;
        long line = -1;
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken v = NestedValues.value(p);
            if (!v.isScalarValue()) {
                nested.skipValue(p);
                continue;
            }
            if (v == JsonToken.VALUE_STRING) {
                nested.sink().scan(p);
            }
            switch (name) {
                case "className" -> cls = p.getText();
                case "methodName" -> method = p.getText();
                case "fileName" -> file = NULL.equals(p.getText()) ? null : p.getText();
                case "lineNumber" -> line = lineNumber(v, p.getText());
                default -> { }
            }
        }
        if (t == null) {
            throw new IOException("truncated JSON object");
        }
        frames.append("\tat ").append(cls).append('.').append(method).append('(');
        if (line == -2) {
            frames.append("Native Method");
        } else if (file == null) {
            frames.append("Unknown Source");
        } else if (line >= 0) {
            frames.append(file).append(':').append(line);
        } else {
            frames.append(file);
        }
        frames.append(")\n");
    }

    /** An int as JsonEncoder writes it; anything else (a fraction, a huge number) is no line number. */
    private static long lineNumber(JsonToken v, String text) {
        if (v != JsonToken.VALUE_NUMBER_INT || text.length() > 10) {
            return -1;
        }
        return Long.parseLong(text);
    }
}
