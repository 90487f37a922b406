package dev.poolscope.feed;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import dev.poolscope.analysis.Analysis;
import dev.poolscope.analysis.AnalysisOptions;
import dev.poolscope.analysis.Diagnosis;
import dev.poolscope.analysis.InputSummary;
import dev.poolscope.analysis.InputTally;
import dev.poolscope.analysis.Pass;
import dev.poolscope.analysis.Summary;
import dev.poolscope.analysis.SummaryAnalysis;
import dev.poolscope.dialect.Dialect;
import dev.poolscope.dialect.DialectRecognizer;
import dev.poolscope.event.EventDecoder;
import dev.poolscope.event.EventNames;
import dev.poolscope.event.FieldMapping;
import dev.poolscope.event.LineSalvage;
import dev.poolscope.event.PoolEvent;
import dev.poolscope.event.TimestampNotes;
import dev.poolscope.io.Inputs;
import dev.poolscope.io.LineConsumer;
import dev.poolscope.io.LineReader;
import dev.poolscope.io.LogFiles;
import dev.poolscope.io.PositionedInput;
import dev.poolscope.server.ServerFormat;
import dev.poolscope.server.ServerSettings;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/** Reading lines → decoding events → one analysis pass: the wiring every command shares. */
public final class Pipeline {
    /** Python's json module writes NaN and Infinity (e.g. a wait time); rejecting them would drop the line. */
    public static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();
    /** Longer lines are skipped and counted as malformed, unless --max-line-bytes says otherwise. */
    public static final int DEFAULT_MAX_LINE_BYTES = 16 << 20;

    private final FieldMapping mapping;
    private final EventNames names;
    private final AnalysisOptions options;
    private final int maxLineBytes;
    private final ReadOptions read;
    /** {@code --dialect}: null detects each input's dialect from its first lines (issue #16). */
    private final Dialect forced;
    private final ServerSettings server;

    public Pipeline(FieldMapping mapping, EventNames names, AnalysisOptions options, int maxLineBytes) {
        this(mapping, names, options, maxLineBytes, ReadOptions.defaults());
    }

    public Pipeline(FieldMapping mapping, EventNames names, AnalysisOptions options, int maxLineBytes,
                    ReadOptions read) {
        this(mapping, names, options, maxLineBytes, read, null, ServerSettings.defaults());
    }

    private Pipeline(FieldMapping mapping, EventNames names, AnalysisOptions options, int maxLineBytes,
                     ReadOptions read, Dialect forced, ServerSettings server) {
        this.mapping = options.readsLoggers() ? mapping.readingLoggers() : mapping;
        this.names = names;
        this.options = options;
        this.maxLineBytes = maxLineBytes;
        this.read = read;
        this.forced = forced;
        this.server = server;
    }

    /** The same pipeline reading PostgreSQL's own logs (and joining them) with these settings. */
    public Pipeline withServer(ServerSettings settings) {
        return new Pipeline(mapping, names, options, maxLineBytes, read, forced, settings);
    }

    /** Reads every input as {@code dialect} ({@code --dialect}); null detects each input's own. */
    public Pipeline withDialect(Dialect dialect) {
        return new Pipeline(mapping, names, options, maxLineBytes, read, dialect, server);
    }

    /**
     * Analyses the inputs as one stream: directories become their log files, files are read in the order
     * of their first timestamp (docs/summaries.md), and a checkout may be returned in a later file.
     */
    public Diagnosis run(List<String> inputs, InputStream stdin) throws InputException {
        return diagnose(sources(inputs, stdin));
    }

    /** Analyses one stream read from anywhere (HDFS, S3, a socket) under {@code name}; gzip is detected as for files. */
    public Diagnosis run(InputStream in, String name) throws InputException {
        return diagnose(List.of(Source.of(in, name)));
    }

    private Diagnosis diagnose(List<Source> sources) throws InputException {
        ServerPass server = serverPass(sources);
        return server.attach(read(sources, new Analysis(options), server));
    }

    private ServerPass serverPass(List<Source> sources) {
        return ServerPass.of(sources, server, options);
    }

    /** A diagnosis and a summary of the same inputs, from one read. */
    public record Both(Diagnosis diagnosis, Summary summary) {}

    /** One read feeding both analyses: the report is the one-pass diagnosis, the summary is for later merges. */
    public Both runAndSummarise(List<String> inputs, InputStream stdin) throws InputException {
        Analysis analysis = new Analysis(options);
        SummaryAnalysis summary = new SummaryAnalysis(options);
        List<Source> sources = sources(inputs, stdin);
        ServerPass server = serverPass(sources);
        Both both = read(sources, new Pass<Both>() {
            @Override
            public void accept(PoolEvent e) {
                analysis.accept(e);
                summary.accept(e);
            }

            @Override
            public Both finish(InputSummary input) {
                return new Both(analysis.finish(input), summary.finish(input));
            }
        }, server);
        return new Both(server.attach(both.diagnosis()), server.attach(both.summary()));
    }

    /** Like {@link #run}, ending in a mergeable summary (docs/summaries.md). */
    public Summary summarise(List<String> inputs, InputStream stdin) throws InputException {
        return summarise(sources(inputs, stdin));
    }

    private Summary summarise(List<Source> sources) throws InputException {
        ServerPass server = serverPass(sources);
        return server.attach(read(sources, new SummaryAnalysis(options), server));
    }

    /** Like {@link #run(InputStream, String)}, ending in a mergeable summary. */
    public Summary summarise(InputStream in, String name) throws InputException {
        return summarise(List.of(Source.of(in, name)));
    }

    /**
     * Summarises the parts as one stream, read one after the other in the order given (order them with
     * {@link InputOrder#ordered} to read them as files are). A part that cannot be opened, or breaks, is a
     * read error in the summary's input, as a file is.
     */
    public Summary summariseParts(List<NamedInput> parts) throws InputException {
        return summarise(parts.stream().map(Source::of).toList());
    }

    /**
     * Reads the inputs, in reading order, into any pass: the weekly report's, which summarises each day
     * beside the whole ({@code weekly.DaySplit}). {@code withServer} gives the pass's result the server's
     * side of the read, through the function that adds it to a summary.
     */
    public <R> R read(List<String> inputs, InputStream stdin, Pass<R> pass,
                      BiFunction<R, UnaryOperator<Summary>, R> withServer) throws InputException {
        List<Source> sources = sources(inputs, stdin);
        ServerPass server = serverPass(sources);
        return withServer.apply(read(sources, pass, server), server::attach);
    }

    /** Reads the sources into the pass; server logs among them go to {@code server}, which also sees app events. */
    private <R> R read(List<Source> sources, Pass<R> pass, ServerPass server) throws InputException {
        InputTally tally = new InputTally();
        feed(sources, server.tee(pass::accept), tally, server);
        return pass.finish(tally.finish());
    }

    /** The named inputs in reading order: directories expanded, files ordered by their first timestamp. */
    private List<Source> sources(List<String> inputs, InputStream stdin) throws InputException {
        List<Source> out = new ArrayList<>();
        for (String name : new InputOrder(FACTORY, mapping, maxLineBytes, server.prefixes()).resolve(inputs, LogFiles::isLogName)) {
            out.add(Source.of(name, stdin));
        }
        return out;
    }

    /**
     * Reads every log input, in reading order, handing each decoded event to {@code sink}. An input that
     * breaks while being read (a truncated gzip) is analysed up to the break and listed in
     * {@link InputSummary#readErrors()}; only inputs missing up front throw.
     */
    void feed(List<Source> sources, Consumer<PoolEvent> sink, InputTally tally, ServerPass pass)
            throws InputException {
        long total = 0;
        boolean unsized = false;
        for (Source source : sources) {
            total += Math.max(0, source.size());
            unsized |= source.size() < 0;
        }
        int threads = read.threadsFor(total, unsized);
        List<EventDecoder> decoders = Collections.synchronizedList(new ArrayList<>());
        Decoders mine = newDecoders(decoders);
        LineSalvage salvage = new LineSalvage(mine.pick(true), FACTORY);
        LineSalvage librarySalvage = new LineSalvage(mine.pick(false), FACTORY);
        ExecutorService workers = threads <= 1 ? null : Executors.newFixedThreadPool(threads - 1, r -> {
            Thread t = new Thread(r, "poolscope-decoder");
            t.setDaemon(true);
            return t;
        });
        try (Progress progress = read.progress().start(total)) {
            ParallelFeed parallel = workers == null ? null : new ParallelFeed(workers, threads - 1,
                    () -> newDecoders(decoders), sink, tally, salvage, librarySalvage);
            LineReader reader = new LineReader(maxLineBytes);
            for (Source source : sources) {
                String name = source.name();
                tally.file(name);
                String stream = LogFiles.streamName(name);
                DetectingConsumer consumer = new DetectingConsumer(Dialects.detector(FACTORY, names, mapping), detection -> {
                    boolean structlog = Dialects.structlogPath(forced, detection);
                    tally.dialect(Dialects.describe(name, forced, detection));
                    if (parallel != null) {
                        parallel.source(name, stream, structlog);
                        return parallel;
                    }
                    EventDecoder decoder = mine.pick(structlog);
                    decoder.defaultProcess(stream);
                    return new LineFeeder(name, decoder, structlog ? salvage : librarySalvage, sink, tally);
                });
                readOne(source, reader, consumer, parallel, tally, progress, pass, sink);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InputException("interrupted");
        } finally {
            if (workers != null) {
                workers.shutdownNow();
            }
        }
        TimestampNotes notes = TimestampNotes.empty();
        synchronized (decoders) {
            for (EventDecoder d : decoders) {
                notes = notes.plus(d.timestamps());
            }
        }
        tally.timestamps(notes);
    }

    /**
     * Reads one input to its end. An input that breaks while being read (a truncated gzip) is analysed up
     * to the break and listed as a read error; with parallel decoding, what was read is replayed first so
     * the error names the right line.
     */
    private static void readOne(Source source, LineReader reader, DetectingConsumer app, ParallelFeed parallel,
                                InputTally tally, Progress progress, ServerPass pass, Consumer<PoolEvent> sink)
            throws InterruptedException {
        String name = source.name();
        long linesBefore = tally.lines();
        ServerFeeder server = null;
        try (PositionedInput in = source.open(progress::count)) {
            try {
                InputKind.Peeked peekable = new InputKind.Peeked(in);
                ServerFormat format = peekable.kind(pass.settings().prefixes());
                if (format == null) {
                    pass.appRead();
                } else {
                    server = pass.feeder(name, format, tally, sink);
                }
                reader.read(peekable, server == null ? app : server);
                finish(server, app, parallel);
            } catch (IOException e) {
                finish(server, app, parallel);
                tally.readError(ReadErrors.of(name, in, tally.lines() - linesBefore, e));
            }
        } catch (IOException e) {
            app.end();   // nothing was read; the input still gets its line in input.dialects
            tally.readError(ReadErrors.of(name, null, 0, e));
        }
    }

    /** Ends the input: the server feeder's, or the app consumer's (which detects a dialect if it has not yet). */
    private static void finish(ServerFeeder server, DetectingConsumer app, ParallelFeed parallel)
            throws InterruptedException {
        if (server != null) {
            server.finish();
        } else {
            app.end();
        }
        drain(parallel);
    }

    private static void drain(ParallelFeed parallel) throws InterruptedException {
        if (parallel != null) {
            parallel.finish();
        }
    }

    /** A line the decoder rejected gets a second, slower look (docs/robustness.md); both feeders share this. */
    static void salvage(LineSalvage salvage, byte[] buf, int off, int len, String source, long lineNumber,
                        String reason, Consumer<PoolEvent> sink, InputTally tally) {
        LineSalvage.Result r = salvage.salvage(buf, off, len, source, lineNumber, reason);
        r.events().forEach(sink);
        if (r.repair() != null) {
            tally.repaired(source, lineNumber, r.repair());
        }
        if (r.split()) {
            tally.recovered(r.events().size());
        }
        if (r.malformed() != null) {
            tally.malformed(source, lineNumber, r.malformed());
        }
    }

    /** The decoders of one thread; all are kept so their timestamp notes can be added up at the end. */
    private Decoders newDecoders(List<EventDecoder> all) {
        EventDecoder structlog = decoder(new EventDecoder(FACTORY, mapping, names, read.prefilter()), all);
        DialectRecognizer recognizer = Dialects.recognizer(forced, names);
        return new Decoders(structlog,
                () -> decoder(new EventDecoder(FACTORY, mapping, names, read.prefilter(), recognizer), all));
    }

    /** A new decoder, kept in {@code all}; it hands event texts on when user signatures match them. */
    private EventDecoder decoder(EventDecoder d, List<EventDecoder> all) {
        if (!options.signatures().isEmpty()) {
            d.keepMessages();
        }
        all.add(d);
        return d;
    }

    public static void requireReadable(String name) throws InputException {
        if (Inputs.STDIN.equals(name)) {
            return;
        }
        Path path = Path.of(name);
        if (!Files.exists(path)) {
            throw new InputException("no such file: " + name);
        }
        if (!Files.isReadable(path)) {
            throw new InputException("cannot read " + name + ": permission denied");
        }
    }

    /** Hands each line of one input to the decoder and each event to the analysis. */

    static String overlongReason(long length) {
        return "line of " + length + " bytes is longer than --max-line-bytes";
    }

    static boolean isBlank(byte[] buf, int off, int len) {
        for (int i = off; i < off + len; i++) {
            byte b = buf[i];
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
    }
}
