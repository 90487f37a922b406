package dev.poolscope.report.chart.png;

import dev.poolscope.report.chart.Polyline;
import dev.poolscope.report.chart.Surface;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Line2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;

/**
 * A chart drawn into pixels, antialiased: what {@code SvgSurface} writes as SVG, painted the way a browser
 * paints that SVG (the same sans-serif face at 11 and 16 px, butt caps, round joins on series, a white
 * halo under level labels). The shapes are painted here: rectangles and lines along the axes, dashed or not
 * (background, grid, bars, marks, windows), by their exact area; series and circles through a
 * {@link StrokeMask}. Java2D draws only the text. Its rasteriser (Marlin) was most of the drawing's cost, and
 * with thousands of series points and timeout marks on a large log the JIT compiled it at length after the
 * read (issue 15.4).
 */
final class RasterSurface implements Surface {
    private static final Font PLAIN = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 16);
    private static final double HALO_OPACITY = 0.8;
    /**
     * How much of a glyph pixel's cover reaches each pixel of its 3 × 3 neighbourhood (row by row), for a halo
     * 1.5 px wide: whole within a pixel's distance, nothing from two pixels away (so nothing further out), in
     * between linearly: 2 − √2 to the diagonal neighbours.
     */
    private static final double[] HALO_REACH = haloReach();

    private final Graphics2D g;
    private final int[] pixels;
    private final int width;
    private final int height;
    private final StrokeMask mask;

    /** Paints {@code image} (TYPE_INT_RGB) white and draws on it from then on. */
    RasterSurface(BufferedImage image) {
        this(image, new StrokeMask(image.getWidth(), image.getHeight()));
    }

    /** The same, with the series and circles' cover kept in {@code mask}, empty and of the image's size. */
    RasterSurface(BufferedImage image, StrokeMask mask) {
        this.mask = mask;
        pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        width = image.getWidth();
        height = image.getHeight();
        g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        // Shapes where the coordinates say, as in SVG, not nudged to whole pixels.
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        java.util.Arrays.fill(pixels, 0xffffff);
    }

    @Override
    public void rect(double x, double y, double w, double h, String fill) {
        blend(x, y, x + w, y + h, rgb(fill), 1);
    }

    @Override
    public void shade(double x, double y, double w, double h, String fill, double opacity) {
        blend(x, y, x + w, y + h, rgb(fill), opacity);
    }

    @Override
    public void line(double x1, double y1, double x2, double y2, String stroke, double width, String dash) {
        if (x1 != x2 && y1 != y2 && dash == null) {
            mask.segment(x1, y1, x2, y2, width / 2, true, true);
            mask.paint(pixels, rgb(stroke));
            return;
        }
        if (x1 != x2 && y1 != y2) {   // dashed and slanted: no chart draws one
            g.setColor(colour(stroke));
            g.setStroke(new BasicStroke((float) width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, dashes(dash),
                    0f));
            g.draw(new Line2D.Double(x1, y1, x2, y2));
            return;
        }
        // A butt-capped stroke along an axis is a rectangle, or a row of them when dashed (dashing starts at
        // the line's first point, as in SVG and Java2D).
        boolean vertical = x1 == x2;
        double from = vertical ? y1 : x1;
        double length = Math.abs(vertical ? y2 - y1 : x2 - x1);
        double step = Math.signum(vertical ? y2 - y1 : x2 - x1);
        float[] pattern = dashes(dash);   // only the charts' own constants: every entry above 0
        double half = width / 2;
        int rgb = rgb(stroke);
        double at = 0;
        for (int k = 0; at < length; k += 2) {   // k: this dash's place in the pattern, k + 1 the gap's
            double on = pattern == null ? length : pattern[k % pattern.length];
            double off = pattern == null ? 0 : pattern[(k + 1) % pattern.length];
            double a = from + step * at;
            double b = from + step * Math.min(length, at + on);
            double lo = Math.min(a, b);
            double hi = Math.max(a, b);
            if (vertical) {
                blend(x1 - half, lo, x1 + half, hi, rgb, 1);
            } else {
                blend(lo, y1 - half, hi, y1 + half, rgb, 1);
            }
            at += on + off;
        }
    }

    /**
     * Paints {@code rgb} at {@code alpha} over the box [x0, x1) × [y0, y1), each pixel weighted by the share
     * of its area inside the box: the antialiasing of a shape whose edges follow the pixel grid's axes.
     */
    private void blend(double x0, double y0, double x1, double y1, int rgb, double alpha) {
        int left = (int) Math.max(0, Math.floor(x0));
        int right = (int) Math.min(width, Math.ceil(x1));
        int top = (int) Math.max(0, Math.floor(y0));
        int bottom = (int) Math.min(height, Math.ceil(y1));
        if (left >= right) {
            return;   // wholly beside the canvas
        }
        // the columns the box covers whole: filled at once where the row is covered whole and opaque
        int fullLeft = (int) Math.max(left, Math.ceil(x0));
        int fullRight = (int) Math.max(fullLeft, Math.min(right, Math.floor(x1)));
        for (int py = top; py < bottom; py++) {
            double cy = alpha * (Math.min(y1, py + 1) - Math.max(y0, py));
            int row = py * width;
            if (cy >= 1) {
                java.util.Arrays.fill(pixels, row + fullLeft, row + fullRight, rgb);
                blendColumns(row, left, fullLeft, x0, x1, cy, rgb);
                blendColumns(row, fullRight, right, x0, x1, cy, rgb);
            } else {
                blendColumns(row, left, right, x0, x1, cy, rgb);
            }
        }
    }

    /** Pixels {@code from} to {@code to} of one row, each at {@code cy} times the share of it within [x0, x1). */
    private void blendColumns(int row, int from, int to, double x0, double x1, double cy, int rgb) {
        for (int px = from; px < to; px++) {
            double cover = cy * (Math.min(x1, px + 1) - Math.max(x0, px));
            int i = row + px;
            pixels[i] = cover >= 1 ? rgb : mix(pixels[i], rgb, cover);
        }
    }

    /** {@code over} at {@code share} (0..1) over {@code under}, per channel, rounded. */
    static int mix(int under, int over, double share) {
        int out = 0;
        for (int shift = 16; shift >= 0; shift -= 8) {
            int u = (under >> shift) & 0xff;
            int o = (over >> shift) & 0xff;
            out |= (int) Math.round(u + (o - u) * share) << shift;
        }
        return out;
    }

    @Override
    public void circle(double cx, double cy, double r, String fill) {
        mask.disc(cx, cy, r);
        mask.paint(pixels, rgb(fill));
    }

    @Override
    public void polyline(Polyline p, String stroke, double width) {
        if (p.isEmpty()) {
            return;
        }
        for (int i = 1; i < p.size(); i++) {
            if (!p.startsPiece(i)) {
                boolean last = i + 1 == p.size() || p.startsPiece(i + 1);
                mask.segment(p.x(i - 1), p.y(i - 1), p.x(i), p.y(i), width / 2, p.startsPiece(i - 1), last);
            }
        }
        mask.paint(pixels, rgb(stroke));
    }

    @Override
    public void text(double x, double y, String text, String anchor, String fill, TextStyle style) {
        Font font = style == TextStyle.TITLE ? TITLE : PLAIN;
        g.setFont(font);
        // FontMetrics and drawString keep to Java2D's simple-text path; TextLayout would load the
        // layout engine, a fixed cost every PNG run paid for labels that need no shaping.
        double width = g.getFontMetrics().stringWidth(text);
        double left = switch (anchor) {
            case "middle" -> x - width / 2;
            case "end" -> x - width;
            default -> x;
        };
        if (style == TextStyle.HALO) {
            halo(font, text, left, y);
        }
        g.setColor(colour(fill));
        g.drawString(text, (float) left, (float) y);
    }

    /**
     * The white halo under a label, as SVG draws it (a 3 px stroke around the glyphs at 0.8 opacity): the
     * label drawn into a grey mask, grown by the stroke's 1.5 px (each pixel takes the largest cover of a
     * neighbour, less from the diagonal ones), painted white at 0.8. Stroking the glyph outlines instead
     * took Java2D's rasteriser through hundreds of curve pieces per label, and the JIT after it.
     */
    private void halo(Font font, String text, double left, double y) {
        FontMetrics m = g.getFontMetrics(font);
        int pad = 3;
        int w = m.stringWidth(text) + 2 * pad + 1;
        int h = m.getAscent() + m.getDescent() + 2 * pad + 1;
        int ox = (int) Math.floor(left) - pad;
        int oy = (int) Math.floor(y) - m.getAscent() - pad;
        BufferedImage glyphs = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D pen = glyphs.createGraphics();
        pen.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        pen.setFont(font);
        pen.setColor(Color.WHITE);
        pen.drawString(text, (float) (left - ox), (float) (y - oy));
        pen.dispose();
        byte[] ink = ((DataBufferByte) glyphs.getRaster().getDataBuffer()).getData();
        float[] grown = new float[w * h];
        for (int j = 0; j < h; j++) {
            for (int i = 0; i < w; i++) {
                int v = ink[j * w + i] & 0xff;
                for (int k = 0; v > 0 && k < 9; k++) {
                    int a = i + k % 3 - 1;
                    int b = j + k / 3 - 1;
                    if (a >= 0 && a < w && b >= 0 && b < h) {
                        grown[b * w + a] = (float) Math.max(grown[b * w + a], v / 255.0 * HALO_REACH[k]);
                    }
                }
            }
        }
        for (int j = Math.max(0, -oy); j < h && oy + j < height; j++) {
            for (int i = Math.max(0, -ox); i < w && ox + i < width; i++) {
                if (grown[j * w + i] > 0) {
                    int at = (oy + j) * width + ox + i;
                    pixels[at] = mix(pixels[at], 0xffffff, HALO_OPACITY * grown[j * w + i]);
                }
            }
        }
    }

    @Override
    public void verticalText(double x, double y, String text, String fill) {
        AffineTransform before = g.getTransform();
        g.rotate(-Math.PI / 2, x, y);
        text(x, y, text, "middle", fill, TextStyle.PLAIN);
        g.setTransform(before);
    }

    @Override
    public void group(String cssClass, String name) {
        // pixels have no structure
    }

    @Override
    public void endGroup() {
        // pixels have no structure
    }

    private static double[] haloReach() {
        double[] reach = new double[9];
        for (int k = 0; k < 9; k++) {
            reach[k] = Math.min(1, 2 - Math.hypot(k % 3 - 1, k / 3 - 1));
        }
        return reach;
    }

    void dispose() {
        g.dispose();
    }

    /** {@code #rrggbb}, the only form the charts use. */
    static Color colour(String hex) {
        return new Color(rgb(hex));
    }

    static int rgb(String hex) {
        return Integer.parseInt(hex.substring(1), 16);
    }

    /** An SVG dash array ("6 4") as Java2D's, or null for a solid line. */
    static float[] dashes(String dash) {
        if (dash == null) {
            return null;
        }
        String[] parts = dash.trim().split(" +");
        float[] out = new float[parts.length];
        for (int i = 0; i < parts.length; i++) {
            out[i] = Float.parseFloat(parts[i]);
        }
        return out;
    }
}
