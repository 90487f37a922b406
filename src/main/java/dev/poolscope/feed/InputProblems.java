package dev.poolscope.feed;

import dev.poolscope.analysis.Diagnosis;
import dev.poolscope.analysis.ReadError;
import java.util.Optional;

/**
 * Decides whether what was read deserves exit code 3 even though a report was written: an input
 * that broke while being read, or input without a single log event.
 */
public final class InputProblems {
    private InputProblems() {}

    /** One line for stderr, or empty when the input was fine. */
    public static Optional<String> of(Diagnosis d) {
        var in = d.input();
        if (in.incomplete()) {
            ReadError e = in.readErrors().get(0);
            String more = in.readErrors().size() > 1 ? " (and " + (in.readErrors().size() - 1) + " more inputs)" : "";
            return Optional.of("cannot read all of " + e.source() + ": " + e.message() + " at byte " + e.byteOffset()
                    + ", after line " + e.afterLine() + more + "; the report covers what was read");
        }
        if (in.lines() == 0) {
            return Optional.of("the input is empty");
        }
        if (d.counts().events() == 0 && d.server() == null) {   // a server log alone is a valid input
            return Optional.of("no JSON log events in " + in.lines() + " lines (" + in.malformedLines()
                    + " malformed, " + in.blankLines() + " blank); is this the right file?");
        }
        return Optional.empty();
    }
}
