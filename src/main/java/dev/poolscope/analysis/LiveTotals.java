package dev.poolscope.analysis;

/**
 * Running totals of a watch since it began, forgotten processes included.
 *
 * @param counts             every event counted, as {@code analyze} counts them
 * @param suspected          checkouts reported as leak suspects
 * @param returned           reported or long-held checkouts that came back
 * @param processes          processes in the live view now
 * @param forgottenProcesses processes dropped after staying silent for the forget period
 * @param forgottenCheckouts open checkouts dropped with them
 */
public record LiveTotals(Counts counts, long statementTimeouts, long suspected, long returned, String peakProcess,
                         int processes, long forgottenProcesses, long forgottenCheckouts) {}
