package dev.poolscope.analysis;

/**
 * A near-exhaustion window of one process: pool used above the critical threshold, or the pool
 * warning or refusing checkouts, with nearby episodes merged.
 *
 * @param end          when usage dropped back to the threshold or below; for a window still open when
 *                     the log ended, the last time it was seen above ({@code ongoingAtEnd})
 * @param peakUsed     highest pool used inside, or -1 when no event inside reported it
 * @param episodes     raw intervals merged into this window
 */
public record Window(String process, long start, long end, int peakUsed, long getconnFailed,
                     long nearlyExhausted, int episodes, boolean ongoingAtEnd) {

    public long durationMicros() {
        return end - start;
    }

    Window mergedWith(Window later) {
        return new Window(process, Math.min(start, later.start), Math.max(end, later.end),
                Math.max(peakUsed, later.peakUsed), getconnFailed + later.getconnFailed,
                nearlyExhausted + later.nearlyExhausted, episodes + later.episodes, later.ongoingAtEnd);
    }
}
