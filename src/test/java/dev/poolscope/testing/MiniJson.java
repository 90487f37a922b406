package dev.poolscope.testing;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON document as maps, lists and dotted paths, so tests can look figures up by name. The tests have
 * one JSON reader, jackson-databind: this class is its plain-Java view (integers as {@code Long},
 * decimals as {@code BigDecimal}); tests that want a tree use {@link #mapper()}'s {@code JsonNode}.
 */
public final class MiniJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_LONG_FOR_INTS, DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS,
                    DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private MiniJson() {}

    /** The tests' reader, configured as above. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Every scalar of a JSON document by its dotted path, e.g. {@code oldest_open.0.request_id}, as text. */
    public static Map<String, String> flatten(byte[] json) {
        Map<String, String> out = new HashMap<>();
        try {
            flatten(MAPPER.readValue(json, Object.class), "", out);
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

    /** The document as {@code Map}, {@code List}, {@code String}, {@code Long}, {@code BigDecimal}, {@code Boolean} or null. */
    public static Object parse(String text) throws IOException {
        return MAPPER.readValue(text, Object.class);
    }
}
