package dev.poolscope.report.chart;

import dev.poolscope.analysis.Diagnosis;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.Map;

/** Draws each chart of one diagnosis at most once per format, so {@code --charts} and {@code --html} share the work. */
public final class ChartImages {
    private final Diagnosis diagnosis;
    private final Map<ChartFormat, Map<ChartKind, byte[]>> drawn = new EnumMap<>(ChartFormat.class);

    public ChartImages(Diagnosis diagnosis) {
        this.diagnosis = diagnosis;
    }

    public synchronized byte[] bytes(ChartKind kind, ChartFormat format) {
        return drawn.computeIfAbsent(format, f -> new EnumMap<>(ChartKind.class))
                .computeIfAbsent(kind, k -> draw(k, format));
    }

    private byte[] draw(ChartKind kind, ChartFormat format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try {
            format.write(kind.build(diagnosis), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
