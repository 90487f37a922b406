package dev.poolscope.analysis;

/**
 * One process's usage state machine ({@code ProcessUsage}) as stored in a summary; see that class for
 * what the fields mean.
 *
 * @param pending   the window still able to grow, or null
 * @param firstDone the first window this process handed out, or null: a merge may join it with the
 *                  previous summary's pending window
 */
public record ProcessState(boolean reports, int open, boolean above, long rawStart, long lastAbove, int rawPeak,
                           long rawFailed, long rawNearly, long closedAboveMicros, Window pending, Window firstDone) {}
