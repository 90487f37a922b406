package dev.poolscope.cli;

import com.fasterxml.jackson.core.JsonFactory;
import dev.poolscope.analysis.Analysis;
import dev.poolscope.analysis.AnalysisOptions;
import dev.poolscope.analysis.Diagnosis;
import dev.poolscope.analysis.InputSummary;
import dev.poolscope.analysis.InputTally;
import dev.poolscope.analysis.Summary;
import dev.poolscope.analysis.SummaryAnalysis;
import dev.poolscope.event.EventDecoder;
import dev.poolscope.event.EventNames;
import dev.poolscope.event.FieldMapping;
import dev.poolscope.event.MalformedLineException;
import dev.poolscope.event.PoolEvent;
import dev.poolscope.io.Inputs;
import dev.poolscope.io.LineConsumer;
import dev.poolscope.io.LineReader;
import dev.poolscope.io.LogFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/** Reading lines → decoding events → one analysis pass: the wiring every command shares. */
public final class Pipeline {
    private static final JsonFactory FACTORY = new JsonFactory();

    private final FieldMapping mapping;
    private final EventNames names;
    private final AnalysisOptions options;
    private final int maxLineBytes;
    private final ReadOptions read;

    public Pipeline(FieldMapping mapping, EventNames names, AnalysisOptions options, int maxLineBytes) {
        this(mapping, names, options, maxLineBytes, ReadOptions.defaults());
    }

    public Pipeline(FieldMapping mapping, EventNames names, AnalysisOptions options, int maxLineBytes,
                    ReadOptions read) {
        this.mapping = mapping;
        this.names = names;
        this.options = options;
        this.maxLineBytes = maxLineBytes;
        this.read = read;
    }

    /**
     * Analyses the inputs as one stream: directories become their log files, files are read in the order
     * of their first timestamp (docs/summaries.md), and a checkout may be returned in a later file.
     */
    public Diagnosis run(List<String> inputs, InputStream stdin) throws InputException {
        Analysis analysis = new Analysis(options);
        InputTally tally = new InputTally();
        feed(inputs, stdin, analysis::accept, tally);
        return analysis.finish(tally.finish());
    }

    /** Like {@link #run}, ending in a mergeable summary (docs/summaries.md). */
    /** A diagnosis and a summary of the same inputs, from one read. */
    public record Both(Diagnosis diagnosis, Summary summary) {}

    /** One read feeding both analyses: the report is the one-pass diagnosis, the summary is for later merges. */
    public Both runAndSummarise(List<String> inputs, InputStream stdin) throws InputException {
        Analysis analysis = new Analysis(options);
        SummaryAnalysis summary = new SummaryAnalysis(options);
        InputTally tally = new InputTally();
        feed(inputs, stdin, e -> {
            analysis.accept(e);
            summary.accept(e);
        }, tally);
        InputSummary input = tally.finish();
        return new Both(analysis.finish(input), summary.finish(input));
    }

    public Summary summarise(List<String> inputs, InputStream stdin) throws InputException {
        SummaryAnalysis analysis = new SummaryAnalysis(options);
        InputTally tally = new InputTally();
        feed(inputs, stdin, analysis::accept, tally);
        return analysis.finish(tally.finish());
    }

    /** Reads every log input, in reading order, handing each decoded event to {@code sink}. */
    void feed(List<String> inputs, InputStream stdin, Consumer<PoolEvent> sink, InputTally tally)
            throws InputException {
        List<String> files = new InputOrder(FACTORY, mapping, maxLineBytes).resolve(inputs, LogFiles::isLogName);
        long total = 0;
        for (String name : files) {
            total += Inputs.STDIN.equals(name) ? 0 : sizeOf(name);
        }
        int threads = read.threadsFor(total, files.contains(Inputs.STDIN));
        try (Progress progress = read.progress().start(total)) {
            if (threads <= 1) {
                feedSequential(files, stdin, sink, tally, progress);
            } else {
                feedParallel(files, stdin, sink, tally, progress, threads);
            }
        }
    }

    private void feedSequential(List<String> files, InputStream stdin, Consumer<PoolEvent> sink, InputTally tally,
                                Progress progress) throws InputException {
        EventDecoder decoder = newDecoder();
        LineReader reader = new LineReader(maxLineBytes);
        for (String name : files) {
            tally.file(name);
            decoder.defaultProcess(LogFiles.streamName(name));
            try (InputStream in = Inputs.open(name, stdin, progress::count)) {
                reader.read(in, new Feeder(name, decoder, sink, tally));
            } catch (IOException e) {
                throw new InputException("cannot read " + name + ": " + e.getMessage());
            }
        }
    }

    /** This thread reads and feeds the sink; the others decode, which needs no order (docs/performance.md). */
    private void feedParallel(List<String> files, InputStream stdin, Consumer<PoolEvent> sink, InputTally tally,
                              Progress progress, int threads) throws InputException {
        int decoders = threads - 1;
        ExecutorService workers = Executors.newFixedThreadPool(decoders, r -> {
            Thread t = new Thread(r, "poolscope-decoder");
            t.setDaemon(true);
            return t;
        });
        try {
            ParallelFeed feed = new ParallelFeed(workers, decoders, this::newDecoder, sink, tally);
            LineReader reader = new LineReader(maxLineBytes);
            for (String name : files) {
                tally.file(name);
                feed.source(name, LogFiles.streamName(name));
                try (InputStream in = Inputs.open(name, stdin, progress::count)) {
                    reader.read(in, feed);
                } catch (IOException e) {
                    throw new InputException("cannot read " + name + ": " + e.getMessage());
                }
            }
            feed.finish();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InputException("interrupted");
        } finally {
            workers.shutdownNow();
        }
    }

    private EventDecoder newDecoder() {
        return new EventDecoder(FACTORY, mapping, names, read.prefilter());
    }

    private static long sizeOf(String name) {
        try {
            return Files.size(Path.of(name));
        } catch (IOException e) {
            return 0;   // a special file; it is read all the same
        }
    }

    static void requireReadable(String name) throws InputException {
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
    private record Feeder(String source, EventDecoder decoder, Consumer<PoolEvent> sink, InputTally tally)
            implements LineConsumer {
        @Override
        public void line(byte[] buf, int off, int len, long lineNumber) {
            tally.line();
            if (isBlank(buf, off, len)) {
                tally.blank();
                return;
            }
            try {
                sink.accept(decoder.decode(buf, off, len, source, lineNumber));
            } catch (MalformedLineException e) {
                tally.malformed(source, lineNumber, e.getMessage());
            }
        }

        @Override
        public void overlong(long lineNumber, long length) {
            tally.line();
            tally.malformed(source, lineNumber, overlongReason(length));
        }
    }

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
