package dev.poolscope.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import dev.poolscope.analysis.Analysis;
import dev.poolscope.analysis.AnalysisOptions;
import dev.poolscope.analysis.Diagnosis;
import dev.poolscope.analysis.InputTally;
import dev.poolscope.event.EventDecoder;
import dev.poolscope.event.EventNames;
import dev.poolscope.event.FieldMapping;
import dev.poolscope.event.LineSalvage;
import dev.poolscope.event.MalformedLineException;
import dev.poolscope.io.Inputs;
import dev.poolscope.io.LineConsumer;
import dev.poolscope.io.LineReader;
import dev.poolscope.io.PositionedInput;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Reading lines → decoding events → one analysis pass: the wiring every command shares. */
public final class Pipeline {
    /** Python's json module writes NaN and Infinity (e.g. a wait time); rejecting them would drop the line. */
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();

    private final FieldMapping mapping;
    private final EventNames names;
    private final AnalysisOptions options;
    private final int maxLineBytes;

    public Pipeline(FieldMapping mapping, EventNames names, AnalysisOptions options, int maxLineBytes) {
        this.mapping = mapping;
        this.names = names;
        this.options = options;
        this.maxLineBytes = maxLineBytes;
    }

    /**
     * Analyses the inputs in the order given as one stream: a checkout may be returned in a later file.
     * An input that breaks while being read (a truncated gzip) is analysed up to the break and listed
     * in {@link dev.poolscope.analysis.InputSummary#readErrors()}; only inputs missing up front throw.
     */
    public Diagnosis run(List<String> inputs, InputStream stdin) throws InputException {
        for (String name : inputs) {
            requireReadable(name);
        }
        Analysis analysis = new Analysis(options);
        InputTally tally = new InputTally();
        EventDecoder decoder = new EventDecoder(FACTORY, mapping, names);
        LineSalvage salvage = new LineSalvage(decoder, FACTORY);
        LineReader reader = new LineReader(maxLineBytes);
        for (String name : inputs) {
            tally.file(name);
            long linesBefore = tally.lines();
            try (PositionedInput in = Inputs.openPositioned(name, stdin)) {
                try {
                    reader.read(in, new Feeder(name, decoder, salvage, analysis, tally));
                } catch (IOException e) {
                    tally.readError(ReadErrors.of(name, in, tally.lines() - linesBefore, e));
                }
            } catch (IOException e) {
                tally.readError(ReadErrors.of(name, null, 0, e));
            }
        }
        tally.timestamps(decoder.timestamps());
        return analysis.finish(tally.finish());
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
    private record Feeder(String source, EventDecoder decoder, LineSalvage salvage, Analysis analysis,
                          InputTally tally) implements LineConsumer {
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
                salvage(buf, off, len, lineNumber, e.getMessage());
            }
        }

        /** The slow path, for rejected lines only (docs/robustness.md). */
        private void salvage(byte[] buf, int off, int len, long lineNumber, String reason) {
            LineSalvage.Result r = salvage.salvage(buf, off, len, source, lineNumber, reason);
            r.events().forEach(analysis::accept);
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

        @Override
        public void overlong(long lineNumber, long length) {
            tally.line();
            tally.malformed(source, lineNumber, "line of " + length + " bytes is longer than --max-line-bytes");
        }

        private static boolean isBlank(byte[] buf, int off, int len) {
            for (int i = off; i < off + len; i++) {
                byte b = buf[i];
                if (b != ' ' && b != '\t' && b != '\r') {
                    return false;
                }
            }
            return true;
        }
    }
}
