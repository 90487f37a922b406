package dev.poolscope.server;

import java.util.regex.Pattern;

/**
 * A statement with its literals replaced by {@code ?} and its white space collapsed, so that the same query
 * with other values groups together: {@code WHERE id = 42} and {@code WHERE id = 317} are one shape.
 */
final class StatementShape {
    /** Longer shapes are cut: a report row, not a copy of a generated statement. */
    static final int MAX_CHARS = 400;
    private static final Pattern STRING = Pattern.compile("'(?:[^']|'')*'");
    private static final Pattern NUMBER = Pattern.compile("(?<![\\w$.])-?\\d+(?:\\.\\d+)?(?:[eE][-+]?\\d+)?(?![\\w$])");
    private static final Pattern SPACE = Pattern.compile("\\s+");
    private static final Pattern LIST = Pattern.compile("\\?(?:\\s*,\\s*\\?)+");

    private StatementShape() {}

    static String of(String statement) {
        if (statement == null) {
            return null;
        }
        String s = STRING.matcher(statement).replaceAll("?");
        s = NUMBER.matcher(s).replaceAll("?");
        s = SPACE.matcher(s).replaceAll(" ").strip();
        s = LIST.matcher(s).replaceAll("?, …");
        return s.length() > MAX_CHARS ? s.substring(0, MAX_CHARS) + "…" : s;
    }
}
