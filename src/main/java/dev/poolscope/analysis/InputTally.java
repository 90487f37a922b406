package dev.poolscope.analysis;

import java.util.ArrayList;
import java.util.List;

/** Counts what was read before decoding: files, lines, blank and malformed lines (keeping the first few). */
public final class InputTally {
    /** Enough for a user to find the problem with grep; more would only grow the report. */
    public static final int SAMPLE_LIMIT = 20;

    private final List<String> files = new ArrayList<>();
    private final List<MalformedLine> samples = new ArrayList<>();
    private long lines;
    private long blank;
    private long malformed;

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

    public long lines() {
        return lines;
    }

    public InputSummary finish() {
        return new InputSummary(List.copyOf(files), lines, blank, malformed, List.copyOf(samples));
    }
}
