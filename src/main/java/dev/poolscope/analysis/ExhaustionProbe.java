package dev.poolscope.analysis;

import dev.poolscope.event.EventKind;
import dev.poolscope.event.PoolEvent;
import java.util.HashMap;
import java.util.Map;

/**
 * Looks at the open checkouts when a checkout fails or an exhaustion error is logged, to tell a pool
 * drained by leaks from one drained by load (findings pool-exhausted-by-leaks and -by-load). A look walks
 * the open checkouts, so it is rationed: once a second per process, {@link #MAX_LOOKS} in all.
 */
final class ExhaustionProbe {
    static final int MAX_LOOKS = 64;
    private static final long SECOND = 1_000_000;

    private final CheckoutTracker checkouts;
    private final Map<String, Long> lastLook = new HashMap<>();
    private ExhaustionResult result = ExhaustionResult.empty();
    private final java.util.List<ExhaustionLook> looks = new java.util.ArrayList<>();

    ExhaustionProbe(CheckoutTracker checkouts) {
        this.checkouts = checkouts;
    }

    /** Called after the tracker has seen the event. */
    void accept(PoolEvent e) {
        if (e.kind() != EventKind.CHECKOUT_FAILED && !e.exhaustionText() || result.looks() >= MAX_LOOKS) {
            return;
        }
        Long last = lastLook.get(e.process());
        if (last != null && (!e.hasTime() || last == PoolEvent.NO_TIME || e.time() - last < SECOND)) {
            return;
        }
        lastLook.put(e.process(), e.time());
        long[] held = checkouts.heldBy(e.process(), e.time());
        ExhaustionLook look = new ExhaustionLook(e.time(), e.process(), held[0], held[1], checkouts.boundarySize());
        looks.add(look);
        result = result.merge(look.result());
    }

    /** Every look, in order, for a summary. */
    java.util.List<ExhaustionLook> looks() {
        return java.util.List.copyOf(looks);
    }

    ExhaustionResult finish() {
        return result;
    }
}
