package dev.poolscope.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/** Live mode's view of the open checkouts: read as objects for a status line, not every event. */
final class LiveCheckouts {
    private final OpenCheckouts open;

    LiveCheckouts(OpenCheckouts open) {
        this.open = open;
    }

    /** Visits every open checkout as objects. */
    void forEach(Consumer<Checkout> action) {
        open.forEach(s -> action.accept(open.view(s)));
    }

    /** Remembers that a checkout was reported open as a suspected leak. */
    void markSuspect(Checkout c) {
        open.markSuspect(c.slot);
    }

    /** Drops the open checkouts of a process that is gone; returns them. */
    List<Checkout> forget(String process) {
        List<Checkout> gone = new ArrayList<>();
        open.forEach(s -> {
            if (Objects.equals(open.process(s), process)) {
                gone.add(open.view(s));
                open.remove(s);
            }
        });
        return gone;
    }
}
