package dev.poolscope.analysis;

import dev.poolscope.event.TimestampNotes;
import java.util.ArrayList;
import java.util.List;

/** Counts what was read before decoding: files, lines, blank, malformed and repaired lines (keeping the first few). */
public final class InputTally {
    /** Enough for a user to find the problem with grep; more would only grow the report. */
    public static final int SAMPLE_LIMIT = 20;

    private final List<String> files = new ArrayList<>();
    private final List<MalformedLine> samples = new ArrayList<>();
    private final List<MalformedLine> repairedSamples = new ArrayList<>();
    private final List<ReadError> readErrors = new ArrayList<>();
    private final List<InputDialect> dialects = new ArrayList<>();
    private TimestampNotes timestamps = TimestampNotes.empty();
    private long lines;
    private long blank;
    private long malformed;
    private long repaired;
    private long recovered;

    public void file(String name) {
        files.add(name);
    }

    public void line() {
        lines++;
    }

    public void blank() {
        blank++;
    }

    public void malformed(String source, long line, String reason) {
        malformed++;
        if (samples.size() < SAMPLE_LIMIT) {
            samples.add(new MalformedLine(source, line, reason));
        }
    }

    /** A line read only after replacing bytes, e.g. invalid UTF-8. */
    public void repaired(String source, long line, String what) {
        repaired++;
        if (repairedSamples.size() < SAMPLE_LIMIT) {
            repairedSamples.add(new MalformedLine(source, line, what));
        }
    }

    /** Records read from a line that was not one clean record. */
    public void recovered(long records) {
        recovered += records;
    }

    /** Reading stopped early; inputs are few, so every error is kept. */
    public void readError(ReadError error) {
        readErrors.add(error);
    }

    /** How an input was read (issue #16). */
    public void dialect(InputDialect d) {
        dialects.add(d);
    }

    public void timestamps(TimestampNotes notes) {
        timestamps = notes;
    }

    public long lines() {
        return lines;
    }

    public InputSummary finish() {
        return new InputSummary(files, lines, blank, malformed, samples, repaired, repairedSamples, recovered,
                readErrors, timestamps, dialects);
    }
}
