package dev.poolscope.findings;

import dev.poolscope.report.Units;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A figure's value as plain text, the same in every human output (text, CSV, HTML): shares as
 * percentages, {@code _ms} figures in milliseconds, times in ISO-8601 UTC, {@code n/a} when unknown.
 * Writers still escape it for their format.
 */
public final class FigureText {
    public static final String NA = "n/a";

    private FigureText() {}

    public static String value(Figure f) {
        return value(f.key(), f.value());
    }

    /** One row of a table figure: {@code name: n / m, first - last}, in the order of the figure's label. */
    public static String row(Figure.Row row) {
        return row(row, micros -> value("first_seen", new Figure.Time(micros)));
    }

    /** The same with times written by {@code time} (the text report's shorter clock). */
    public static String row(Figure.Row row, java.util.function.LongFunction<String> time) {
        StringBuilder b = new StringBuilder();
        String sep = "";
        for (Map.Entry<String, Object> c : row.cells().entrySet()) {
            if (c.getKey().equals("first_seen") || c.getKey().equals("last_seen")) {
                continue;
            }
            b.append(sep).append(value(c.getKey(), c.getValue()));
            sep = b.length() > 0 && sep.isEmpty() ? ": " : " / ";
        }
        if (row.cells().containsKey("first_seen")) {
            b.append(", ").append(timeOf(row.cells().get("first_seen"), time)).append(" - ")
                    .append(timeOf(row.cells().get("last_seen"), time));
        }
        return b.toString();
    }

    private static String timeOf(Object v, java.util.function.LongFunction<String> time) {
        return v instanceof Figure.Time t ? time.apply(t.micros()) : NA;
    }

    static String value(String key, Object v) {
        if (v == null) {
            return NA;
        } else if (v instanceof Figure.Time t) {
            return Units.time(t.micros());
        } else if (v instanceof Double d) {
            return key.endsWith("_share") ? String.format(Locale.ROOT, "%.1f%%", 100 * d)
                    : String.format(Locale.ROOT, "%.1f", d);
        } else if (v instanceof List<?> list) {
            return list.stream().map(r -> r instanceof Figure.Row row ? row(row) : String.valueOf(r))
                    .collect(Collectors.joining("; "));
        }
        return String.valueOf(v);
    }
}
