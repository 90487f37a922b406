package dev.poolscope.testing;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads a JSON report into maps and lists so tests can look figures up by name. */
public final class MiniJson {
    private MiniJson() {}

    /** Every scalar of a JSON document by its dotted path, e.g. {@code oldest_open.0.request_id}, as text. */
    public static Map<String, String> flatten(byte[] json) {
        Map<String, String> out = new HashMap<>();
        try (JsonParser p = new JsonFactory().createParser(json)) {
            flatten(value(p, p.nextToken()), "", out);
            if (p.nextToken() != null) {
                throw new IllegalArgumentException("trailing content after the JSON document");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static void flatten(Object v, String path, Map<String, String> out) {
        if (v instanceof Map<?, ?> m) {
            m.forEach((k, e) -> flatten(e, path.isEmpty() ? (String) k : path + "." + k, out));
        } else if (v instanceof List<?> l) {
            for (int i = 0; i < l.size(); i++) {
                flatten(l.get(i), path + "." + i, out);
            }
        } else {
            out.put(path, v == null ? null : v.toString());
        }
    }

    public static Object parse(String text) throws IOException {
        try (JsonParser p = new JsonFactory().createParser(text)) {
            return value(p, p.nextToken());
        }
    }

    private static Object value(JsonParser p, JsonToken t) throws IOException {
        switch (t) {
            case START_OBJECT: {
                Map<String, Object> m = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    m.put(name, value(p, p.nextToken()));
                }
                return m;
            }
            case START_ARRAY: {
                List<Object> l = new ArrayList<>();
                JsonToken next;
                while ((next = p.nextToken()) != JsonToken.END_ARRAY) {
                    l.add(value(p, next));
                }
                return l;
            }
            case VALUE_STRING:
                return p.getText();
            case VALUE_NUMBER_INT:
                return p.getLongValue();
            case VALUE_NUMBER_FLOAT:
                return p.getDecimalValue();
            case VALUE_TRUE:
                return true;
            case VALUE_FALSE:
                return false;
            default:
                return null;
        }
    }
}
