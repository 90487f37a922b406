package dev.poolscope.spark;

import dev.poolscope.analysis.InputSummary;
import dev.poolscope.analysis.ReadError;
import dev.poolscope.report.Terminal;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * What one stream could not read: malformed lines, and files that broke (a truncated gzip) or could not
 * be opened. Each is counted; the first few read errors are kept with where they happened. A stream with
 * no lines at all is said too. None stops the job unless {@code --strict}.
 */
record StreamProblems(String key, long lines, long malformedLines, long readErrors, ArrayList<String> firstErrors)
        implements Serializable {
    private static final long serialVersionUID = 1L;
    static final int KEPT_ERRORS = 5;

    static StreamProblems of(String key, InputSummary input) {
        ArrayList<String> first = new ArrayList<>();
        for (ReadError e : input.readErrors()) {
            if (first.size() < KEPT_ERRORS) {
                first.add(e.source() + ": " + e.message() + " (at byte " + e.byteOffset() + ", after line " + e.afterLine()
                        + ")");
            }
        }
        return new StreamProblems(key, input.lines(), input.malformedLines(), input.readErrors().size(), first);
    }

    /** Bad lines or unreadable input: what {@code --strict} refuses. */
    boolean failed() {
        return malformedLines > 0 || readErrors > 0;
    }

    boolean empty() {
        return lines == 0;
    }

    /** One line for stderr, or null when there is nothing to say; log-derived text is made terminal-safe. */
    String describe() {
        List<String> parts = new ArrayList<>();
        if (empty() && readErrors == 0) {
            parts.add("no lines");
        }
        if (malformedLines > 0) {
            parts.add(malformedLines + " malformed line" + (malformedLines == 1 ? "" : "s") + " of " + lines);
        }
        if (readErrors > 0) {
            parts.add(readErrors + " file" + (readErrors == 1 ? "" : "s") + " not read to the end: "
                    + String.join("; ", firstErrors) + (readErrors > firstErrors.size() ? "; …" : ""));
        }
        return parts.isEmpty() ? null : Terminal.clean("stream " + key + ": " + String.join(", ", parts));
    }
}
