package dev.poolscope.gate;

import dev.poolscope.analysis.Counts;
import dev.poolscope.analysis.InputSummary;
import java.util.Optional;

/**
 * Why a run's input cannot support a verdict at all. A gate that passes on the wrong file is worse
 * than none, so these fail the check apart from (and before) any threshold.
 */
public enum InputProblem {
    /** More malformed lines than allowed: probably not the log format we think. */
    TOO_MALFORMED,
    /** Nothing to read: no lines at all. */
    EMPTY,
    /** Lines, but not one pool event: wrong file, or event names that do not match the log. */
    NO_POOL_EVENTS;

    /**
     * @param maxMalformed a count, or a percentage of the non-blank lines
     * @param allowEmpty   accept a run without pool events (a service that did no database work)
     */
    public static Optional<InputProblem> find(InputSummary input, Counts counts, Allowance maxMalformed,
                                              boolean allowEmpty) {
        return find(input, counts, 0, maxMalformed, allowEmpty, false);
    }

    /**
     * @param libraryEvents pool events of a library dialect (HikariCP stats, leak warnings, …; issue #16)
     * @param serverLog     a PostgreSQL log was among the inputs: its figures support a verdict without pool events
     */
    public static Optional<InputProblem> find(InputSummary input, Counts counts, long libraryEvents,
                                              Allowance maxMalformed, boolean allowEmpty, boolean serverLog) {
        long nonBlank = input.lines() - input.blankLines();
        if (input.malformedLines() > maxMalformed.of(nonBlank)) {
            return Optional.of(TOO_MALFORMED);
        }
        if (allowEmpty || serverLog || poolEvents(counts) + libraryEvents > 0) {
            return Optional.empty();
        }
        return Optional.of(nonBlank == 0 ? EMPTY : NO_POOL_EVENTS);
    }

    public static long poolEvents(Counts c) {
        return c.getconn() + c.putconn() + c.getconnFailed() + c.nearlyExhausted();
    }
}
