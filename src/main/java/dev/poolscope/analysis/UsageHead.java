package dev.poolscope.analysis;

import java.util.List;

/**
 * The start of one process's usage in a summary, kept as steps because its meaning depends on the logs
 * before it: until the process reports a usage at or below the critical threshold, an earlier summary's
 * open window or unreported connections carry into it. A merge replays these steps after the earlier
 * summary's state.
 *
 * @param synced    the steps end with that report; everything after it is in the summary's usage state
 * @param truncated the process reported no such usage within {@link UsageRecorder#HEAD_LIMIT} steps (e.g. it
 *                  never logs {@code pool_used}): its steps were settled from a fresh state and dropped, so
 *                  a merge cannot carry an earlier summary's usage into it exactly
 */
public record UsageHead(List<UsageStep> steps, boolean synced, boolean truncated) {

    public UsageHead {
        steps = List.copyOf(steps);
    }
}
