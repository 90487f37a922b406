package dev.poolscope.report.chart.png;

/**
 * How much of each pixel one stroked shape covers, 0 to 1, before it is painted in its colour. A polyline's
 * segments are added one by one and each pixel keeps the largest cover any of them gives it, so a join is
 * painted once, as a stroke outline would be, and not darkened where two segments overlap.
 *
 * <p>The cover of a pixel is that of a box filter across the stroke: the length of the pixel's span
 * [d − ½, d + ½] inside the stroke [−w/2, w/2], with d the distance from the pixel's centre to the segment.
 * That is exact for strokes along an axis and close for the others; past a segment's end d is measured to
 * the end point, which makes the round joins. Butt caps (a piece's first and last point) cut the cover along
 * the segment the same way.
 */
final class StrokeMask {
    private final float[] cover;
    private final int width;
    private final int height;
    // the box that holds every covered pixel, empty when left > right
    private int left;
    private int right = -1;
    private int top;
    private int bottom = -1;

    StrokeMask(int width, int height) {
        this.width = width;
        this.height = height;
        cover = new float[width * height];
    }

    /** Adds the segment (x0, y0)–(x1, y1) of a stroke {@code half} × 2 wide; {@code butt}: cut flat at that end. */
    void segment(double x0, double y0, double x1, double y1, double half, boolean buttStart, boolean buttEnd) {
        double dx = x1 - x0;
        double dy = y1 - y0;
        double length = Math.hypot(dx, dy);
        if (length == 0) {
            return;   // a repeated point: its neighbours draw everything around it
        }
        double ux = dx / length;
        double uy = dy / length;
        double reach = half + 1;
        int l = Math.max(0, (int) Math.floor(Math.min(x0, x1) - reach));
        int r = Math.min(width - 1, (int) Math.ceil(Math.max(x0, x1) + reach));
        int t = Math.max(0, (int) Math.floor(Math.min(y0, y1) - reach));
        int b = Math.min(height - 1, (int) Math.ceil(Math.max(y0, y1) + reach));
        for (int py = t; py <= b; py++) {
            double ry = py + 0.5 - y0;
            for (int px = l; px <= r; px++) {
                double rx = px + 0.5 - x0;
                double along = rx * ux + ry * uy;
                double across = Math.abs(rx * uy - ry * ux);
                double c;
                if (along < 0 && !buttStart) {
                    c = across(Math.hypot(rx, ry), half);
                } else if (along > length && !buttEnd) {
                    c = across(Math.hypot(rx - dx, ry - dy), half);
                } else {
                    c = across(across, half);
                    if (buttStart) {
                        c *= clamp(along + 0.5);
                    }
                    if (buttEnd) {
                        c *= clamp(length - along + 0.5);
                    }
                }
                add(py * width + px, c);
            }
        }
        widen(l, r, t, b);
    }

    /** Adds a filled disc. */
    void disc(double cx, double cy, double radius) {
        int l = Math.max(0, (int) Math.floor(cx - radius - 1));
        int r = Math.min(width - 1, (int) Math.ceil(cx + radius + 1));
        int t = Math.max(0, (int) Math.floor(cy - radius - 1));
        int b = Math.min(height - 1, (int) Math.ceil(cy + radius + 1));
        for (int py = t; py <= b; py++) {
            for (int px = l; px <= r; px++) {
                double d = Math.hypot(px + 0.5 - cx, py + 0.5 - cy);
                add(py * width + px, clamp(radius + 0.5 - d));
            }
        }
        widen(l, r, t, b);
    }

    /** Paints the shape's colour over {@code pixels} at each pixel's cover, and empties the mask. */
    void paint(int[] pixels, int rgb) {
        for (int py = top; py <= bottom; py++) {
            for (int i = py * width + left, end = py * width + right; i <= end; i++) {
                float c = cover[i];
                if (c > 0) {
                    pixels[i] = c >= 1 ? rgb : RasterSurface.mix(pixels[i], rgb, c);
                    cover[i] = 0;
                }
            }
        }
        left = 0;
        right = -1;
        top = 0;
        bottom = -1;
    }

    /** The share of a pixel whose centre is {@code d} from a stroke's middle line that the stroke covers. */
    static double across(double d, double half) {
        return Math.max(0, Math.min(d + 0.5, half) - Math.max(d - 0.5, -half));
    }

    private static double clamp(double v) {
        return v <= 0 ? 0 : Math.min(v, 1);
    }

    private void add(int i, double c) {
        if (c > cover[i]) {
            cover[i] = (float) c;
        }
    }

    private void widen(int l, int r, int t, int b) {
        if (l > r || t > b) {
            return;
        }
        if (left > right) {
            left = l;
            right = r;
            top = t;
            bottom = b;
            return;
        }
        left = Math.min(left, l);
        right = Math.max(right, r);
        top = Math.min(top, t);
        bottom = Math.max(bottom, b);
    }
}
