package dev.poolscope.analysis;

import dev.poolscope.event.PoolEvent;
import java.util.function.UnaryOperator;

/**
 * The lines one user-defined signature matched.
 *
 * @param busiest        most matches in one window (windows aligned on multiples of the window)
 * @param busiestStart   start of that window, or {@link PoolEvent#NO_TIME}
 * @param windowMicros   the window's width
 */
public record SignatureResult(String id, SignalFamily matches, long busiest, long busiestStart,
                              long windowMicros) {

    public static SignatureResult empty(String id, long windowMicros) {
        return new SignatureResult(id, SignalFamily.empty(), 0, PoolEvent.NO_TIME, windowMicros);
    }

    /**
     * This input followed by a later one. A window cut by the boundary between the inputs is counted as
     * two halves, so {@code busiest} may be lower than one pass would give.
     */
    public SignatureResult merge(SignatureResult later, int maxItems) {
        boolean laterBusier = later.busiest > busiest;
        return new SignatureResult(id, matches.merge(later.matches, maxItems), Math.max(busiest, later.busiest),
                laterBusier ? later.busiestStart : busiestStart, windowMicros);
    }

    SignatureResult redacted(UnaryOperator<String> r) {
        return new SignatureResult(id, matches.redacted(r), busiest, busiestStart, windowMicros);
    }
}
