package dev.poolscope.testing;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/** Test helper: every scalar of a JSON document by its dotted path, e.g. {@code oldest_open.0.request_id}. */
public final class JsonPaths {
    private JsonPaths() {}

    public static Map<String, String> flatten(byte[] json) {
        Map<String, String> out = new HashMap<>();
        try (JsonParser p = new JsonFactory().createParser(json)) {
            walk(p, p.nextToken(), "", out);
            if (p.nextToken() != null) {
                throw new IllegalArgumentException("trailing content after the JSON document");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static void walk(JsonParser p, JsonToken t, String path, Map<String, String> out) throws IOException {
        if (t == JsonToken.START_OBJECT) {
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                walk(p, p.nextToken(), path.isEmpty() ? name : path + "." + name, out);
            }
        } else if (t == JsonToken.START_ARRAY) {
            int i = 0;
            for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
                walk(p, e, path + "." + i++, out);
            }
        } else {
            out.put(path, t == JsonToken.VALUE_NULL ? null : p.getText());
        }
    }
}
