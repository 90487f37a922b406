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
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;

/**
 * A chart drawn into pixels with Java2D, antialiased: what {@code SvgSurface} writes as SVG, painted the
 * way a browser paints that SVG (the same sans-serif face at 11 and 16 px, butt caps, round joins on
 * series, a white halo under level labels).
 */
final class RasterSurface implements Surface {
    private static final Font PLAIN = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 16);
    private static final Color HALO = new Color(255, 255, 255, 204);
    private static final BasicStroke HALO_STROKE = new BasicStroke(3f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);

    private final Graphics2D g;

    /** Paints {@code image} white and draws on it from then on. */
    RasterSurface(BufferedImage image) {
        g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        // Shapes where the coordinates say, as in SVG, not nudged to whole pixels.
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
    }

    @Override
    public void rect(double x, double y, double w, double h, String fill) {
        g.setColor(colour(fill));
        g.fill(new Rectangle2D.Double(x, y, w, h));
    }

    @Override
    public void shade(double x, double y, double w, double h, String fill, double opacity) {
        Color c = colour(fill);
        g.setColor(new Color(c.getRed(), c.getGreen(), c.getBlue(), (int) Math.round(opacity * 255)));
        g.fill(new Rectangle2D.Double(x, y, w, h));
    }

    @Override
    public void line(double x1, double y1, double x2, double y2, String stroke, double width, String dash) {
        g.setColor(colour(stroke));
        g.setStroke(new BasicStroke((float) width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, dashes(dash), 0f));
        g.draw(new Line2D.Double(x1, y1, x2, y2));
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
        return new Color(Integer.parseInt(hex.substring(1), 16));
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
