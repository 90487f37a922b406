package dev.poolscope.analysis;

import dev.poolscope.event.TimestampNotes;
import java.util.List;

/**
 * What was read: {@code lines} counts every line, blank and malformed ones included.
 *
 * @param repairedLines    lines read after replacing invalid UTF-8 or control characters (docs/robustness.md)
 * @param repairedSamples  the first few of them, with what was replaced
 * @param recoveredRecords records read from lines that held more than one record or a cut-off one
 * @param readErrors       inputs that could not be read to their end (analysed up to the failure)
 * @param dialects         how each input was read (issue #16), in reading order
 */
public record InputSummary(List<String> files, long lines, long blankLines, long malformedLines,
                           List<MalformedLine> malformedSamples, long repairedLines,
                           List<MalformedLine> repairedSamples, long recoveredRecords, List<ReadError> readErrors,
                           TimestampNotes timestamps, List<InputDialect> dialects) {

    public InputSummary {
        files = List.copyOf(files);
        malformedSamples = List.copyOf(malformedSamples);
        repairedSamples = List.copyOf(repairedSamples);
        readErrors = List.copyOf(readErrors);
        java.util.Objects.requireNonNull(timestamps, "timestamps");
        dialects = dialects == null ? List.of() : List.copyOf(dialects);
    }

    /** A summary without dialect notes (summaries written before issue #16). */
    public InputSummary(List<String> files, long lines, long blankLines, long malformedLines,
                        List<MalformedLine> malformedSamples, long repairedLines, List<MalformedLine> repairedSamples,
                        long recoveredRecords, List<ReadError> readErrors, TimestampNotes timestamps) {
        this(files, lines, blankLines, malformedLines, malformedSamples, repairedLines, repairedSamples,
                recoveredRecords, readErrors, timestamps, List.of());
    }

    /** The same summary with these dialect notes. */
    public InputSummary withDialects(List<InputDialect> dialects) {
        return new InputSummary(files, lines, blankLines, malformedLines, malformedSamples, repairedLines,
                repairedSamples, recoveredRecords, readErrors, timestamps, dialects);
    }

    /** A summary of cleanly read input, as before repairs and read errors were tracked. */
    public InputSummary(List<String> files, long lines, long blankLines, long malformedLines,
                        List<MalformedLine> malformedSamples) {
        this(files, lines, blankLines, malformedLines, malformedSamples, 0, List.of(), 0, List.of(),
                TimestampNotes.empty());
    }

    /** True when some input could not be read to its end. */
    public boolean incomplete() {
        return !readErrors.isEmpty();
    }

    public static InputSummary empty() {
        return new InputSummary(List.of(), 0, 0, 0, List.of());
    }

    /** Inputs read one after the other; a file named twice (read in two parts) is listed once. */
    public InputSummary merge(InputSummary later) {
        java.util.LinkedHashSet<String> names = new java.util.LinkedHashSet<>(files);
        names.addAll(later.files);
        List<MalformedLine> samples = new java.util.ArrayList<>(malformedSamples);
        for (MalformedLine m : later.malformedSamples) {
            if (samples.size() < InputTally.SAMPLE_LIMIT) {
                samples.add(m);
            }
        }
        List<InputDialect> both = new java.util.ArrayList<>(dialects);
        both.addAll(later.dialects);
        return new InputSummary(List.copyOf(names), lines + later.lines, blankLines + later.blankLines,
                malformedLines + later.malformedLines, samples).withDialects(both);
    }
}
