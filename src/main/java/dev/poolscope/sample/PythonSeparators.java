package dev.poolscope.sample;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import java.io.IOException;

/** Python's json.dumps default separators (", " and ": "), so lines look like the captured logs. */
final class PythonSeparators extends MinimalPrettyPrinter {
    private static final long serialVersionUID = 1L;

    PythonSeparators() {
        super("");
    }

    @Override
    public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException {
        g.writeRaw(": ");
    }

    @Override
    public void writeObjectEntrySeparator(JsonGenerator g) throws IOException {
        g.writeRaw(", ");
    }
}
