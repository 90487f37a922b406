package dev.poolscope.report.chart;

import dev.poolscope.report.Html;

/**
 * SVG markup for a chart: inlined in the HTML page, or a file of its own. Colours, strokes and fonts are
 * presentation attributes, not {@code style}: the page's Content-Security-Policy allows no inline style but
 * its own.
 * Every text goes through {@link Html#text}, whose references are valid XML too, so the figure parses
 * as XML as well as HTML. Coordinates are written with one decimal at most.
 */
final class SvgSurface implements Surface {
    private final StringBuilder out = new StringBuilder(16 * 1024);

    /** Opens the root element: a fixed-size canvas that scales down with the page, with its accessible name. */
    SvgSurface(int width, int height, String title) {
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" width=\"").append(width).append("\" height=\"").append(height)
                .append("\" role=\"img\" font-family=\"system-ui, 'DejaVu Sans', sans-serif\" font-size=\"11\">")
                .append("<title>").append(Html.text(title)).append("</title>");
        rect(0, 0, width, height, "#ffffff");
    }

    @Override
    public void rect(double x, double y, double w, double h, String fill) {
        out.append("<rect x=\"");
        num(x).append("\" y=\"");
        num(y).append("\" width=\"");
        num(w).append("\" height=\"");
        num(h).append("\" fill=\"").append(fill).append("\"/>");
    }

    /** A rectangle drawn at this opacity (near-exhaustion windows, behind the lines). */
    @Override
    public void shade(double x, double y, double w, double h, String fill, double opacity) {
        out.append("<rect x=\"");
        num(x).append("\" y=\"");
        num(y).append("\" width=\"");
        num(w).append("\" height=\"");
        num(h).append("\" fill=\"").append(fill).append("\" fill-opacity=\"").append(opacity).append("\"/>");
    }

    /** A straight line; {@code dash} is an SVG dash array such as "6 4", or null for a solid line. */
    @Override
    public void line(double x1, double y1, double x2, double y2, String stroke, double width, String dash) {
        out.append("<line x1=\"");
        num(x1).append("\" y1=\"");
        num(y1).append("\" x2=\"");
        num(x2).append("\" y2=\"");
        num(y2).append("\" stroke=\"").append(stroke).append("\" stroke-width=\"").append(width).append('"');
        if (dash != null) {
            out.append(" stroke-dasharray=\"").append(dash).append('"');
        }
        out.append("/>");
    }

    @Override
    public void circle(double cx, double cy, double r, String fill) {
        out.append("<circle cx=\"");
        num(cx).append("\" cy=\"");
        num(cy).append("\" r=\"");
        num(r).append("\" fill=\"").append(fill).append("\"/>");
    }

    @Override
    public void polyline(Polyline p, String stroke, double width) {
        if (p.isEmpty()) {
            return;
        }
        out.append("<path d=\"");
        d(out, p).append("\" fill=\"none\" stroke=\"").append(stroke)
                .append("\" stroke-width=\"").append(width).append("\" stroke-linejoin=\"round\"/>");
    }

    /** The {@code d} of a polyline: a move at the start of each piece, lines between. */
    static StringBuilder d(StringBuilder sb, Polyline p) {
        for (int i = 0; i < p.size(); i++) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(p.startsPiece(i) ? 'M' : 'L');
            appendNum(sb, p.x(i)).append(',');
            appendNum(sb, p.y(i));
        }
        return sb;
    }

    /** Text at (x, y), escaped. */
    @Override
    public void text(double x, double y, String text, String anchor, String fill, TextStyle style) {
        text(x, y, text, anchor, fill, switch (style) {
            case PLAIN -> null;
            case TITLE -> "font-size=\"16\" font-weight=\"bold\"";
            // A white outline under a label's glyphs keeps it readable where it crosses a line.
            case HALO -> "stroke=\"#ffffff\" stroke-width=\"3\" stroke-opacity=\"0.8\" paint-order=\"stroke\"";
        });
    }

    /** {@code extra}: more attributes, this class's own constants, never log text. */
    private void text(double x, double y, String text, String anchor, String fill, String extra) {
        out.append("<text x=\"");
        num(x).append("\" y=\"");
        num(y).append('"');
        if (!"start".equals(anchor)) {
            out.append(" text-anchor=\"").append(anchor).append('"');
        }
        out.append(" fill=\"").append(fill).append('"');
        if (extra != null) {
            out.append(' ').append(extra);
        }
        out.append('>').append(Html.text(text)).append("</text>");
    }

    /** Text turned a quarter anticlockwise about its anchor point (a vertical axis's label). */
    @Override
    public void verticalText(double x, double y, String text, String fill) {
        StringBuilder rotate = new StringBuilder("transform=\"rotate(-90 ");
        appendNum(rotate, x).append(' ');
        appendNum(rotate, y).append(")\"");
        text(x, y, text, "middle", fill, rotate.toString());
    }

    /** Opens a group named for the tests and for people reading the markup: {@code <g class="…" data-name="…">}. */
    @Override
    public void group(String cssClass, String name) {
        out.append("<g class=\"").append(cssClass).append('"');
        if (name != null) {
            out.append(" data-name=\"").append(Html.text(name)).append('"');
        }
        out.append('>');
    }

    @Override
    public void endGroup() {
        out.append("</g>");
    }

    String finish() {
        return out.append("</svg>").toString();
    }

    private StringBuilder num(double v) {
        return appendNum(out, v);
    }

    /** {@code v} rounded to one decimal, without a trailing ".0": 12, 12.5, -0.5. */
    static StringBuilder appendNum(StringBuilder sb, double v) {
        long tenths = Math.round(v * 10);
        if (tenths < 0) {
            sb.append('-');
            tenths = -tenths;
        }
        sb.append(tenths / 10);
        if (tenths % 10 != 0) {
            sb.append('.').append(tenths % 10);
        }
        return sb;
    }
}
