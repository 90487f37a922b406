package dev.poolscope.report.html;

import dev.poolscope.analysis.Level;
import dev.poolscope.report.Html;
import dev.poolscope.report.Units;
import dev.poolscope.report.text.TextReport;
import java.util.List;

/**
 * Builds one sortable table. Every cell's text is escaped here; a cell may carry a separate sort
 * key (a raw number or time) for the page's sorting script.
 */
final class HtmlTable {
    record Column(String name, boolean numeric) {}

    record Cell(String text, String sortKey, String cssClass) {}

    private final List<Column> columns;
    private final StringBuilder body = new StringBuilder();
    private int rows;

    HtmlTable(List<Column> columns) {
        this.columns = List.copyOf(columns);
    }

    static Column text(String name) {
        return new Column(name, false);
    }

    static Column num(String name) {
        return new Column(name, true);
    }

    HtmlTable row(Cell... cells) {
        if (cells.length != columns.size()) {
            throw new IllegalArgumentException("row of " + cells.length + " cells in a table of " + columns.size());
        }
        body.append("<tr>");
        for (int i = 0; i < cells.length; i++) {
            Cell c = cells[i];
            String css = (columns.get(i).numeric() ? "num " : "") + (c.cssClass() == null ? "" : c.cssClass());
            body.append("<td");
            if (!css.isBlank()) {
                body.append(" class=\"").append(Html.text(css.strip())).append('"');
            }
            if (c.sortKey() != null) {
                body.append(" data-sort=\"").append(Html.text(c.sortKey())).append('"');
            }
            body.append('>').append(Html.text(c.text())).append("</td>");
        }
        body.append("</tr>\n");
        rows++;
        return this;
    }

    int rows() {
        return rows;
    }

    String html() {
        StringBuilder out = new StringBuilder("<div class=\"scroll\"><table class=\"sortable\"><thead><tr>");
        for (Column c : columns) {
            String name = Html.text(c.name());
            out.append(c.numeric() ? "<th class=\"num\" scope=\"col\"" : "<th scope=\"col\"").append(" data-label=\"")
                    .append(name).append("\"><button type=\"button\">").append(name).append("</button></th>");
        }
        return out.append("</tr></thead>\n<tbody>\n").append(body).append("</tbody></table></div>\n").toString();
    }

    static Cell cell(String text) {
        return new Cell(text == null ? "—" : text, null, null);
    }

    static Cell cell(long n) {
        return new Cell(Long.toString(n), null, null);
    }

    /** A count where -1 means "not seen". */
    static Cell count(long n) {
        return n < 0 ? new Cell("—", "", null) : cell(n);
    }

    static Cell time(long micros) {
        return new Cell(TextReport.shortTime(micros), Long.toString(micros), null);
    }

    static Cell duration(long micros) {
        return new Cell(TextReport.duration(micros), Long.toString(micros), null);
    }

    static Cell millis(double ms) {
        return new Cell(Units.millis(ms).toPlainString(), null, null);
    }

    static Cell level(Level level) {
        return new Cell(level.label(), Integer.toString(level.ordinal()), "lv-" + level.label());
    }

    static Cell yesNo(boolean b) {
        return new Cell(b ? "yes" : "no", null, null);
    }
}
