package dev.poolscope.testing;

import dev.poolscope.analysis.AnalysisOptions;
import dev.poolscope.analysis.Diagnosis;
import dev.poolscope.analysis.Threshold;
import dev.poolscope.analysis.Thresholds;
import dev.poolscope.event.EventNames;
import dev.poolscope.event.FieldMapping;
import dev.poolscope.feed.Pipeline;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;

/** The small deterministic inputs the report tests share, each with the settings its expectations assume. */
public enum Scenarios {
    /**
     * 13 hand-written lines over 4.2 s (fixtures/tiny/tiny.jsonl) with low thresholds so every level
     * shows: pool used normal ≤ 1, critical > 2; leak delta normal ≤ 1, critical > 2; holds over 2 s
     * are long; 1 s buckets.
     */
    TINY("src/test/resources/fixtures/tiny/tiny.jsonl", new AnalysisOptions(Duration.ofSeconds(60),
            Duration.ofSeconds(2), Duration.ofSeconds(5), 1000,
            new Thresholds(new Threshold(1, 2), new Threshold(1, 2), new Threshold(0, 0)), Duration.ofSeconds(1))),
    /** The real structlog + psycopg2 capture, default settings (automatic bucket). */
    REAL("src/test/resources/fixtures/real-structlog/app.jsonl", AnalysisOptions.defaults()),
    /** Log text written to attack spreadsheets and browsers (fixtures/hostile/hostile.jsonl). */
    HOSTILE("src/test/resources/fixtures/hostile/hostile.jsonl", AnalysisOptions.defaults()),
    /** The bundled generator samples (samples/README.md), each with the generator's own truth beside it. */
    HEALTHY("samples/healthy.jsonl", AnalysisOptions.defaults()),
    LEAKY_ROUTERS("samples/leaky-routers.jsonl", AnalysisOptions.defaults()),
    TIMEOUT_STORM("samples/timeout-storm.jsonl", AnalysisOptions.defaults()),
    MULTI_PROCESS("samples/multi-process.jsonl", AnalysisOptions.defaults());

    public final String path;
    public final AnalysisOptions options;

    Scenarios(String path, AnalysisOptions options) {
        this.path = path;
        this.options = options;
    }

    /** The generator's truth for a sample, or null for the other scenarios. */
    public java.nio.file.Path truth() {
        return path.startsWith("samples/") ? java.nio.file.Path.of(path.replace(".jsonl", ".expected.json")) : null;
    }

    public String dir() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    public Diagnosis diagnose() {
        try {
            return new Pipeline(FieldMapping.defaults(), EventNames.defaults(), options, 1 << 20)
                    .run(List.of(path), InputStream.nullInputStream());
        } catch (Exception e) {
            throw new AssertionError("cannot analyse " + path, e);
        }
    }
}
