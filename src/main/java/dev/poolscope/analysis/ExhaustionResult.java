package dev.poolscope.analysis;

import dev.poolscope.event.PoolEvent;
import java.util.function.UnaryOperator;

/**
 * What held the connections when the pool ran dry, looked at on failed checkouts and exhaustion errors
 * (at most once a second per process, at most {@link ExhaustionProbe#MAX_LOOKS} times).
 *
 * @param looks          how many times the open checkouts were looked at
 * @param held           open checkouts of the failing process, summed over the looks
 * @param neverReturned  of those, held by requests that had already ended, or for longer than the grace
 *                       period: connections nobody was going to give back
 * @param firstAt        the first look (the first failure), or {@link PoolEvent#NO_TIME}
 * @param firstHeld      open checkouts at the first look
 * @param firstNeverReturned never-returned ones at the first look
 */
public record ExhaustionResult(long looks, long held, long neverReturned, long firstAt, String firstProcess,
                               long firstHeld, long firstNeverReturned) {

    public static ExhaustionResult empty() {
        return new ExhaustionResult(0, 0, 0, PoolEvent.NO_TIME, null, 0, 0);
    }

    /** Share of the held connections that were never returned, or -1 without a look. */
    public double neverReturnedShare() {
        return held == 0 ? -1 : (double) neverReturned / held;
    }

    /** This input followed by a later one: sums add, the first look stays the earlier input's. */
    public ExhaustionResult merge(ExhaustionResult later) {
        ExhaustionResult first = looks > 0 || later.looks == 0 ? this : later;
        return new ExhaustionResult(looks + later.looks, held + later.held, neverReturned + later.neverReturned,
                first.firstAt, first.firstProcess, first.firstHeld, first.firstNeverReturned);
    }

    ExhaustionResult redacted(UnaryOperator<String> r) {
        return new ExhaustionResult(looks, held, neverReturned, firstAt, r.apply(firstProcess), firstHeld,
                firstNeverReturned);
    }
}
