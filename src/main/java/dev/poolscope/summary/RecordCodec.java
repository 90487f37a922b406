package dev.poolscope.summary;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.poolscope.server.SessionLengths;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.HdrHistogram.Histogram;

/**
 * The library, evidence and server sections of a summary file (docs/summaries.md), written and read from their
 * records by their components: an object per record, fields named after the components in snake_case, in
 * declaration order; lists as arrays; maps as objects in their own (sorted) order; an unknown time
 * ({@code Long.MIN_VALUE}) as null. Every string from a log goes through the mask, map keys included (counts of
 * keys that become equal are added), except file names and fixed labels ({@link #PLAIN}).
 */
final class RecordCodec {
    /** Components whose strings (or map keys) are file names or poolscope's own labels, never log content. */
    private static final Set<String> PLAIN = Set.of("source", "file", "formats", "poolEvents", "libraryLines", "otherLosses",
            "kind");

    private final UnaryOperator<String> mask;

    RecordCodec(UnaryOperator<String> mask) {
        this.mask = mask;
    }

    void write(JsonGenerator g, String field, Object value) throws IOException {
        g.writeFieldName(field);
        write(g, value, false);
    }

    private void write(JsonGenerator g, Object v, boolean plain) throws IOException {
        if (v == null) {
            g.writeNull();
        } else if (v instanceof String s) {
            g.writeString(plain ? s : mask.apply(s));
        } else if (v instanceof Long l) {
            if (l == Long.MIN_VALUE) {
                g.writeNull();
            } else {
                g.writeNumber(l);
            }
        } else if (v instanceof Integer i) {
            g.writeNumber(i);
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (v instanceof List<?> list) {
            g.writeStartArray();
            for (Object item : list) {
                write(g, item, plain);
            }
            g.writeEndArray();
        } else if (v instanceof Map<?, ?> map) {
            g.writeStartObject();
            for (Map.Entry<String, Object> e : maskedKeys(map, plain).entrySet()) {
                g.writeFieldName(e.getKey());
                write(g, e.getValue(), plain);
            }
            g.writeEndObject();
        } else if (v instanceof SessionLengths s) {
            lengths(g, s);
        } else if (v.getClass().isRecord()) {
            g.writeStartObject();
            for (RecordComponent c : v.getClass().getRecordComponents()) {
                g.writeFieldName(snake(c.getName()));
                write(g, get(c, v), plain || PLAIN.contains(c.getName()));
            }
            g.writeEndObject();
        } else {
            throw new IllegalStateException("no summary encoding for " + v.getClass());
        }
    }

    /** Keys masked; values of keys that become one are added when they are counts, else the first is kept. */
    private Map<String, Object> maskedKeys(Map<?, ?> map, boolean plain) {
        Map<String, Object> out = new LinkedHashMap<>();
        map.forEach((k, val) -> {
            String key = plain ? (String) k : mask.apply((String) k);
            Object before = out.get(key);
            if (before instanceof Long a && val instanceof Long b) {
                out.put(key, a + b);
            } else if (before == null) {
                out.put(key, val);
            }
        });
        return out;
    }

    private static Object get(RecordComponent c, Object record) {
        try {
            return c.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + c.getName(), e);
        }
    }

    /** [exact max ms, HdrHistogram compressed encoding in base64, [sessions per band]]. */
    private static void lengths(JsonGenerator g, SessionLengths s) throws IOException {
        g.writeStartArray();
        g.writeNumber(s.maxMillis());
        Histogram h = s.histogram();
        ByteBuffer buf = ByteBuffer.allocate(h.getNeededByteBufferCapacity());
        int n = h.encodeIntoCompressedByteBuffer(buf);
        g.writeString(Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(buf.array(), n)));
        g.writeStartArray();
        for (SessionLengths.Band b : s.bands()) {
            g.writeNumber(b.sessions());
        }
        g.writeEndArray();
        g.writeEndArray();
    }

    /** The value of {@code type} a tree of {@link JsonTree} holds; {@link Node.Bad} when its shape is wrong. */
    static Object read(Object tree, Type type, String path) {
        Class<?> raw = type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
        if (tree == null) {
            if (raw == long.class) {
                return Long.MIN_VALUE;
            }
            if (raw.isPrimitive()) {
                throw new Node.Bad(path + " is null");
            }
            return null;
        }
        if (raw == String.class) {
            return cast(tree, String.class, path);
        }
        if (raw == long.class || raw == Long.class) {
            return cast(tree, Long.class, path);
        }
        if (raw == int.class || raw == Integer.class) {
            return Math.toIntExact(cast(tree, Long.class, path));
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return cast(tree, Boolean.class, path);
        }
        if (raw == List.class) {
            Type item = ((ParameterizedType) type).getActualTypeArguments()[0];
            List<Object> out = new ArrayList<>();
            for (Object o : cast(tree, List.class, path)) {
                out.add(read(o, item, path + "[]"));
            }
            return out;
        }
        if (raw == Map.class) {
            Type value = ((ParameterizedType) type).getActualTypeArguments()[1];
            Map<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : ((Map<?, ?>) cast(tree, Map.class, path)).entrySet()) {
                out.put((String) e.getKey(), read(e.getValue(), value, path + "/" + e.getKey()));
            }
            return out;
        }
        if (raw == SessionLengths.class) {
            return lengths(cast(tree, List.class, path), path);
        }
        if (raw.isRecord()) {
            return record(cast(tree, Map.class, path), raw, path);
        }
        throw new Node.Bad(path + ": no summary decoding for " + raw.getSimpleName());
    }

    private static Object record(Map<?, ?> fields, Class<?> type, String path) {
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        Object[] args = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            RecordComponent c = components[i];
            types[i] = c.getType();
            String name = snake(c.getName());
            if (!fields.containsKey(name)) {
                throw new Node.Bad("missing " + path + "/" + name);
            }
            args[i] = read(fields.get(name), c.getGenericType(), path + "/" + name);
        }
        try {
            Constructor<?> k = type.getDeclaredConstructor(types);
            return k.newInstance(args);
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw new Node.Bad(path + ": " + e.getCause().getMessage());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build " + type.getSimpleName(), e);
        }
    }

    private static SessionLengths lengths(List<?> parts, String path) {
        try {
            long max = (Long) parts.get(0);
            byte[] bytes = Base64.getDecoder().decode((String) parts.get(1));
            Histogram h = Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(bytes), 0);
            long[] bands = ((List<?>) parts.get(2)).stream().mapToLong(b -> (Long) b).toArray();
            return SessionLengths.of(h, bands, max);
        } catch (java.util.zip.DataFormatException | RuntimeException e) {
            throw new Node.Bad(path + ": unreadable session lengths");
        }
    }

    private static <T> T cast(Object tree, Class<T> type, String path) {
        if (!type.isInstance(tree)) {
            throw new Node.Bad(path + " is not " + type.getSimpleName().toLowerCase(Locale.ROOT));
        }
        return type.cast(tree);
    }

    static String snake(String camel) {
        StringBuilder s = new StringBuilder();
        for (char c : camel.toCharArray()) {
            if (Character.isUpperCase(c)) {
                s.append('_').append(Character.toLowerCase(c));
            } else {
                s.append(c);
            }
        }
        return s.toString();
    }
}
