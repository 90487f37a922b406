package dev.poolscope.report.chart;

/**
 * What a chart is drawn on: SVG text for the HTML page and the {@code .svg} files ({@link SvgSurface}), or
 * pixels for the PNG files (report.chart.png). The charts draw once, on this, so every format shows the
 * same picture. Coordinates are pixels of the canvas, y downwards; colours are {@code #rrggbb}.
 */
public interface Surface {
    /** How a text is set: body text, the chart's title (16 px bold), or a label with a white halo. */
    enum TextStyle { PLAIN, TITLE, HALO }

    void rect(double x, double y, double w, double h, String fill);

    /** A rectangle drawn at this opacity (near-exhaustion windows, behind the lines). */
    void shade(double x, double y, double w, double h, String fill, double opacity);

    /** A straight line; {@code dash} is an SVG dash array such as "6 4", or null for a solid line. */
    void line(double x1, double y1, double x2, double y2, String stroke, double width, String dash);

    void circle(double cx, double cy, double r, String fill);

    /** A polyline with round joins; nothing when it has no point. */
    void polyline(Polyline p, String stroke, double width);

    /** Text with its baseline at y; {@code anchor} is start, middle or end: where x is along the text. */
    void text(double x, double y, String text, String anchor, String fill, TextStyle style);

    /** Text turned a quarter anticlockwise about its anchor point (a vertical axis's label), centred there. */
    void verticalText(double x, double y, String text, String fill);

    /** Opens a named group of shapes (SVG keeps it for tests and readers; pixels have no groups). */
    void group(String cssClass, String name);

    void endGroup();
}
