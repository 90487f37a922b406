package dev.poolscope.cli;

import com.fasterxml.jackson.core.JsonFactory;
import dev.poolscope.analysis.Analysis;
import dev.poolscope.analysis.AnalysisOptions;
import dev.poolscope.analysis.Diagnosis;
import dev.poolscope.analysis.InputTally;
import dev.poolscope.event.EventDecoder;
import dev.poolscope.event.EventNames;
import dev.poolscope.event.FieldMapping;
import dev.poolscope.event.MalformedLineException;
import dev.poolscope.io.Inputs;
import dev.poolscope.io.LineConsumer;
import dev.poolscope.io.LineReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

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

    /** Analyses the inputs in the order given as one stream: a checkout may be returned in a later file. */
    public Diagnosis run(List<String> inputs, InputStream stdin) throws InputException {
        long total = 0;
        for (String name : inputs) {
            requireReadable(name);
            total += Inputs.STDIN.equals(name) ? 0 : sizeOf(name);
        }
        Analysis analysis = new Analysis(options);
        InputTally tally = new InputTally();
        int threads = read.threadsToUse();
        try (Progress progress = read.progress().start(total)) {
            if (threads <= 1) {
                runSequential(inputs, stdin, analysis, tally, progress);
            } else {
                runParallel(inputs, stdin, analysis, tally, progress, threads);
            }
        }
        return analysis.finish(tally.finish());
    }

    private void runSequential(List<String> inputs, InputStream stdin, Analysis analysis, InputTally tally,
                               Progress progress) throws InputException {
        EventDecoder decoder = newDecoder();
        LineReader reader = new LineReader(maxLineBytes);
        for (String name : inputs) {
            tally.file(name);
            try (InputStream in = Inputs.open(name, stdin, progress::count)) {
                reader.read(in, new Feeder(name, decoder, analysis, tally));
            } catch (IOException e) {
                throw new InputException("cannot read " + name + ": " + e.getMessage());
            }
        }
    }

    /** Decoding is most of the work and needs no order, so it runs on workers; the analysis stays on this thread. */
    private void runParallel(List<String> inputs, InputStream stdin, Analysis analysis, InputTally tally,
                             Progress progress, int threads) throws InputException {
        // This thread reads and runs the analysis; the others decode. More threads than cores only queue.
        int decoders = threads - 1;
        ExecutorService workers = Executors.newFixedThreadPool(decoders, r -> {
            Thread t = new Thread(r, "poolscope-decoder");
            t.setDaemon(true);
            return t;
        });
        try {
            ParallelFeed feed = new ParallelFeed(workers, decoders, this::newDecoder, analysis, tally);
            LineReader reader = new LineReader(maxLineBytes);
            for (String name : inputs) {
                tally.file(name);
                feed.source(name);
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
        if (Files.isDirectory(path)) {
            throw new InputException(name + " is a directory; name the log files in it");
        }
        if (!Files.isReadable(path)) {
            throw new InputException("cannot read " + name + ": permission denied");
        }
    }

    /** Hands each line of one input to the decoder and each event to the analysis. */
    private record Feeder(String source, EventDecoder decoder, Analysis analysis, InputTally tally)
            implements LineConsumer {
        @Override
        public void line(byte[] buf, int off, int len, long lineNumber) {
            tally.line();
            if (isBlank(buf, off, len)) {
                tally.blank();
                return;
            }
            try {
                analysis.accept(decoder.decode(buf, off, len, source, lineNumber));
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
