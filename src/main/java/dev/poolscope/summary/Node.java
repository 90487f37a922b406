package dev.poolscope.summary;

import dev.poolscope.event.PoolEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A value of a summary's JSON tree with typed accessors that name the path when the shape is wrong. */
final class Node {
    private final Object value;
    private final String path;

    Node(Object value, String path) {
        this.value = value;
        this.path = path;
    }

    /** A missing or mistyped field; caught by the reader and reported in one line. */
    static final class Bad extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Bad(String message) {
            super(message, null, false, false);
        }
    }

    Object opt(String field) {
        return value instanceof Map<?, ?> m ? m.get(field) : null;
    }

    Node get(String field) {
        if (!(value instanceof Map<?, ?> m) || !m.containsKey(field)) {
            throw new Bad("missing " + path + "/" + field);
        }
        return new Node(m.get(field), path + "/" + field);
    }

    Node at(int i) {
        if (!(value instanceof List<?> l)) {
            throw new Bad(path + " is not a list");
        }
        if (i >= l.size()) {
            throw new Bad(path + " has " + l.size() + " items, needs " + (i + 1));
        }
        return new Node(l.get(i), path);
    }

    List<Node> list() {
        if (!(value instanceof List<?> l)) {
            throw new Bad(path + " is not a list");
        }
        List<Node> out = new ArrayList<>(l.size());
        for (Object item : l) {
            out.add(new Node(item, path + "[]"));   // the index is not worth a string per item
        }
        return out;
    }

    Map<String, Node> map() {
        if (!(value instanceof Map<?, ?> m)) {
            throw new Bad(path + " is not an object");
        }
        Map<String, Node> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put((String) k, new Node(v, path + "/" + k)));
        return out;
    }

    /** The raw tree value. */
    Object value() {
        return value;
    }

    boolean isNull() {
        return value == null;
    }

    long asLong() {
        if (!(value instanceof Long l)) {
            throw new Bad(path + " is not an integer");
        }
        return l;
    }

    long asTime() {
        return value == null ? PoolEvent.NO_TIME : asLong();
    }

    boolean asBoolean() {
        if (!(value instanceof Boolean b)) {
            throw new Bad(path + " is not true or false");
        }
        return b;
    }

    String asString() {
        if (value != null && !(value instanceof String)) {
            throw new Bad(path + " is not a string");
        }
        return (String) value;
    }

    static String reason(RuntimeException e) {
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m.length() > 160 ? m.substring(0, 160) + "…" : m;
    }
}
