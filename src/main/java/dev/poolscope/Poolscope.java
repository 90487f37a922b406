package dev.poolscope;

import dev.poolscope.analysis.AnalysisOptions;
import dev.poolscope.analysis.Diagnosis;
import dev.poolscope.analysis.Summary;
import dev.poolscope.event.EventNames;
import dev.poolscope.event.FieldMapping;
import dev.poolscope.feed.InputException;
import dev.poolscope.feed.Pipeline;
import dev.poolscope.feed.ReadOptions;
import dev.poolscope.report.json.JsonReport;
import dev.poolscope.summary.SummaryFormatException;
import dev.poolscope.summary.SummaryReader;
import dev.poolscope.summary.SummaryWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;

/**
 * poolscope as a library: the same analysis as the command line, without picocli or any output of its own
 * (docs/architecture.md has an example). Immutable; the {@code with…} methods return a changed copy.
 *
 * <p>Inputs are files or directories (read in the order of their first timestamp, gzip detected), or one
 * stream the caller opened, with the name reports give it. Results are {@link Diagnosis} (one pass, every
 * figure) or {@link Summary} (mergeable: {@link #merge} of the summaries of consecutive inputs equals
 * the summary of reading them in one go).
 */
public final class Poolscope {
    private final FieldMapping fields;
    private final EventNames events;
    private final AnalysisOptions options;
    private final int threads;

    private Poolscope(FieldMapping fields, EventNames events, AnalysisOptions options, int threads) {
        this.fields = fields;
        this.events = events;
        this.options = options;
        this.threads = threads;
    }

    /** The command line's defaults: recognised field names, structlog event names, the seed's health table. */
    public static Poolscope defaults() {
        return new Poolscope(FieldMapping.defaults(), EventNames.defaults(), AnalysisOptions.defaults(), 0);
    }

    public Poolscope withOptions(AnalysisOptions options) {
        return new Poolscope(fields, events, options, threads);
    }

    public Poolscope withFields(FieldMapping fields) {
        return new Poolscope(fields, events, options, threads);
    }

    public Poolscope withEvents(EventNames events) {
        return new Poolscope(fields, events, options, threads);
    }

    /** Decoding threads; 0 (the default) decides by input size, 1 reads on the calling thread only. */
    public Poolscope withThreads(int threads) {
        return new Poolscope(fields, events, options, threads);
    }

    /** Analyses files and directories as one stream. */
    public Diagnosis analyze(List<Path> inputs) throws InputException {
        return pipeline().run(names(inputs), InputStream.nullInputStream());
    }

    /** Analyses one stream (plain or gzip), reported under {@code name}. The stream is read to its end, not closed. */
    public Diagnosis analyze(InputStream in, String name) throws InputException {
        return pipeline().run(in, name);
    }

    public Summary summarize(List<Path> inputs) throws InputException {
        return pipeline().summarise(names(inputs), InputStream.nullInputStream());
    }

    public Summary summarize(InputStream in, String name) throws InputException {
        return pipeline().summarise(in, name);
    }

    /** The summary of the inputs of {@code ordered}, read one after the other (docs/summaries.md). */
    public static Summary merge(List<Summary> ordered) {
        return Summary.mergeAll(ordered);
    }

    /** The {@code poolscope/1} JSON report, as {@code analyze --format json} writes it. */
    public static void writeJson(Diagnosis diagnosis, Writer out) throws IOException {
        JsonReport.write(diagnosis, out);
    }

    /** A summary in the {@code .psum} format of {@code analyze --summary}. */
    public static void writeSummary(Summary summary, OutputStream out) throws IOException {
        SummaryWriter.write(summary, out);
    }

    public static Summary readSummary(InputStream in) throws IOException, SummaryFormatException {
        return SummaryReader.read(in);
    }

    private Pipeline pipeline() {
        ReadOptions read = ReadOptions.defaults();
        return new Pipeline(fields, events, options, Pipeline.DEFAULT_MAX_LINE_BYTES, new ReadOptions(threads, read.prefilter(),
                read.progress()));
    }

    private static List<String> names(List<Path> inputs) {
        return inputs.stream().map(Path::toString).toList();
    }
}
