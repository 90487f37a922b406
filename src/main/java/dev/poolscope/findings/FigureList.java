package dev.poolscope.findings;

import dev.poolscope.event.PoolEvent;
import java.util.ArrayList;
import java.util.List;

/** Builds a finding's evidence in order; a figure the log cannot give is kept as null ({@code n/a}). */
final class FigureList {
    private final List<Figure> figures = new ArrayList<>();

    FigureList count(String key, String label, long value) {
        figures.add(new Figure(key, label, value));
        return this;
    }

    /** A count that is not known when negative (e.g. no pool size logged). */
    FigureList known(String key, String label, long value) {
        figures.add(new Figure(key, label, value < 0 ? null : value));
        return this;
    }

    FigureList share(String key, String label, double value) {
        figures.add(new Figure(key, label, value < 0 || Double.isNaN(value) ? null : value));
        return this;
    }

    FigureList millis(String key, String label, double value) {
        figures.add(new Figure(key, label, Double.isNaN(value) ? null : (Object) value));
        return this;
    }

    FigureList time(String key, String label, long micros) {
        figures.add(new Figure(key, label, micros == PoolEvent.NO_TIME ? null : new Figure.Time(micros)));
        return this;
    }

    FigureList text(String key, String label, String value) {
        figures.add(new Figure(key, label, value));
        return this;
    }

    FigureList rows(String key, String label, List<Figure.Row> rows) {
        figures.add(new Figure(key, label, rows));
        return this;
    }

    List<Figure> list() {
        return figures;
    }
}
