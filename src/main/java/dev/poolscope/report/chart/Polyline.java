package dev.poolscope.report.chart;

import java.util.Arrays;

/** The points of a line series in canvas pixels; a {@link #gap} starts a new piece (a value the log lacks). */
public final class Polyline {
    private double[] xs = new double[64];
    private double[] ys = new double[64];
    private boolean[] starts = new boolean[64];
    private int size;
    private boolean pen;

    public Polyline to(double x, double y) {
        if (size == xs.length) {
            xs = Arrays.copyOf(xs, size * 2);
            ys = Arrays.copyOf(ys, size * 2);
            starts = Arrays.copyOf(starts, size * 2);
        }
        xs[size] = x;
        ys[size] = y;
        starts[size] = !pen;
        size++;
        pen = true;
        return this;
    }

    public void gap() {
        pen = false;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    public int size() {
        return size;
    }

    public double x(int i) {
        return xs[i];
    }

    public double y(int i) {
        return ys[i];
    }

    /** Whether point {@code i} begins a piece: the first point, or the first after a gap. */
    public boolean startsPiece(int i) {
        return starts[i];
    }
}
