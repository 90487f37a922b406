package dev.poolscope;

import dev.poolscope.analysis.AnalysisOptions;
import dev.poolscope.analysis.Diagnosis;
import dev.poolscope.analysis.Summary;
import dev.poolscope.event.EventNames;
import dev.poolscope.event.PoolEvent;
import dev.poolscope.event.FieldMapping;
import dev.poolscope.feed.InputException;
import dev.poolscope.feed.InputOrder;
import dev.poolscope.feed.NamedInput;
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
import java.util.function.ToLongFunction;

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
    /** What {@link #firstTimestamp} answers for an input without any timestamp in its first lines. */
    public static final long NO_TIME = PoolEvent.NO_TIME;

    private final FieldMapping fields;
    private final EventNames events;
    private final AnalysisOptions options;
    private final int threads;
    private final int maxLineBytes;

    private Poolscope(FieldMapping fields, EventNames events, AnalysisOptions options, int threads, int maxLineBytes) {
        this.fields = fields;
        this.events = events;
        this.options = options;
        this.threads = threads;
        this.maxLineBytes = maxLineBytes;
    }

    /** The command line's defaults: recognised field names, structlog event names, the seed's health table. */
    public static Poolscope defaults() {
        return new Poolscope(FieldMapping.defaults(), EventNames.defaults(), AnalysisOptions.defaults(), 0,
                Pipeline.DEFAULT_MAX_LINE_BYTES);
    }

    public Poolscope withOptions(AnalysisOptions options) {
        return new Poolscope(fields, events, options, threads, maxLineBytes);
    }

    public Poolscope withFields(FieldMapping fields) {
        return new Poolscope(fields, events, options, threads, maxLineBytes);
    }

    public Poolscope withEvents(EventNames events) {
        return new Poolscope(fields, events, options, threads, maxLineBytes);
    }

    /** Decoding threads; 0 (the default) decides by input size, 1 reads on the calling thread only. */
    public Poolscope withThreads(int threads) {
        return new Poolscope(fields, events, options, threads, maxLineBytes);
    }

    /** Longer lines are skipped and counted as malformed ({@code --max-line-bytes}). */
    public Poolscope withMaxLineBytes(int maxLineBytes) {
        return new Poolscope(fields, events, options, threads, maxLineBytes);
    }

    /** The analysis settings summaries made by this instance carry (merges need equal ones). */
    public AnalysisOptions options() {
        return options;
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

    /**
     * One stream in parts the caller opens (rotated segments in object storage), read one after the other
     * in the order given, each opened when its turn comes and closed after: the same pass as over files.
     * A part that cannot be opened or breaks (a truncated gzip) is listed in the summary's read errors.
     */
    public Summary summarizeParts(List<NamedInput> parts) throws InputException {
        return pipeline().summariseParts(parts);
    }

    /**
     * The first timestamp among an input's first lines (µs since the epoch), or {@link #NO_TIME}: what
     * files are ordered by ({@link #inReadingOrder}). The input is opened, peeked at and closed.
     */
    public long firstTimestamp(NamedInput input) {
        return InputOrder.firstTime(input, fields, maxLineBytes);
    }

    /** Parts in the order the command line reads files: by first timestamp, those without one last, ties as given. */
    public static <T> List<T> inReadingOrder(List<T> parts, ToLongFunction<T> firstTimestamp) {
        return InputOrder.ordered(parts, firstTimestamp);
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
        return new Pipeline(fields, events, options, maxLineBytes, new ReadOptions(threads, read.prefilter(),
                read.progress()));
    }

    private static List<String> names(List<Path> inputs) {
        return inputs.stream().map(Path::toString).toList();
    }
}
