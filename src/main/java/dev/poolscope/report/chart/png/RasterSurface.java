package dev.poolscope.report.chart.png;

import dev.poolscope.report.chart.Polyline;
import dev.poolscope.report.chart.Surface;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;

/**
 * A chart drawn into pixels, antialiased: what {@code SvgSurface} writes as SVG, painted the way a browser
 * paints that SVG (the same sans-serif face at 11 and 16 px, butt caps, round joins on series, a white
 * halo under level labels). Rectangles and horizontal or vertical lines, dashed or not, which are most of a
 * chart (background, grid, bars, marks, windows), are blended into the pixels here by their exact area;
 * Java2D draws the rest (series, circles, text). Its rasteriser's dashing and stroking were most of the
 * drawing's cost and of the JIT's work after the read (issue 15.4).
 */
final class RasterSurface implements Surface {
    private static final Font PLAIN = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 16);
    private static final Color HALO = new Color(255, 255, 255, 204);
    private static final BasicStroke HALO_STROKE = new BasicStroke(3f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);

    private final Graphics2D g;
    private final int[] pixels;
    private final int width;
    private final int height;

    /** Paints {@code image} (TYPE_INT_RGB) white and draws on it from then on. */
    RasterSurface(BufferedImage image) {
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
        if (x1 != x2 && y1 != y2) {
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
        for (int py = top; py < bottom; py++) {
            double cy = Math.min(y1, py + 1) - Math.max(y0, py);
            for (int px = left; px < right; px++) {
                double cover = alpha * cy * (Math.min(x1, px + 1) - Math.max(x0, px));
                int i = py * width + px;
                pixels[i] = cover >= 1 ? rgb : mix(pixels[i], rgb, cover);
            }
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
        g.setColor(colour(fill));
        g.fill(new Ellipse2D.Double(cx - r, cy - r, 2 * r, 2 * r));
    }

    @Override
    public void polyline(Polyline p, String stroke, double width) {
        if (p.isEmpty()) {
            return;
        }
        Path2D.Double path = new Path2D.Double(Path2D.WIND_NON_ZERO, p.size());
        for (int i = 0; i < p.size(); i++) {
            if (p.startsPiece(i)) {
                path.moveTo(p.x(i), p.y(i));
            } else {
                path.lineTo(p.x(i), p.y(i));
            }
        }
        g.setColor(colour(stroke));
        g.setStroke(new BasicStroke((float) width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND));
        g.draw(path);
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
            Shape outline = font.createGlyphVector(g.getFontRenderContext(), text).getOutline((float) left, (float) y);
            g.setColor(HALO);
            g.setStroke(HALO_STROKE);
            g.draw(outline);
        }
        g.setColor(colour(fill));
        g.drawString(text, (float) left, (float) y);
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
