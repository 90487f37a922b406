package dev.poolscope.report.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.JsonGeneratorDelegate;
import dev.poolscope.report.Redactor;
import java.io.IOException;

/**
 * Redacts every string value the JSON report writes, so no field can be forgotten; field names are
 * the report's own. Non-log values (times, labels) never match a secret pattern.
 */
final class RedactingGenerator extends JsonGeneratorDelegate {
    private final Redactor redactor;

    RedactingGenerator(JsonGenerator g, Redactor redactor) {
        super(g, false);
        this.redactor = redactor;
    }

    @Override
    public void writeString(String text) throws IOException {
        super.writeString(redactor.redact(text));
    }

    @Override
    public void writeStringField(String fieldName, String value) throws IOException {
        writeFieldName(fieldName);
        writeString(value);
    }
}
