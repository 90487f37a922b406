package dev.poolscope.analysis;

import java.util.List;

/**
 * Pool usage over the whole input.
 *
 * @param peakUsed           highest pool used of any process (reported, or reconstructed from open checkouts
 *                           for processes that never report it); -1 when nothing was seen
 * @param poolMax            highest pool size the log states, or -1
 * @param windows            near-exhaustion windows sorted by start, capped at max items
 * @param windowCount        exact number of windows
 * @param microsAboveCritical total time any process spent above the critical threshold
 */
public record PoolResult(int peakUsed, long peakAt, String peakProcess, int poolMax, List<Window> windows,
                         long windowCount, long microsAboveCritical) {

    public PoolResult {
        windows = List.copyOf(windows);
    }
}
