package dev.poolscope.analysis;

/** Checkouts and hold times of one endpoint. */
public final class EndpointHolds {
    long checkouts;
    final HoldTimes holds = new HoldTimes();

    public EndpointHolds() {}

    /** A tally restored from a summary. */
    public EndpointHolds(long checkouts, HoldTimes holds) {
        this.checkouts = checkouts;
        this.holds.add(holds);
    }

    EndpointHolds copy() {
        return new EndpointHolds(checkouts, holds);
    }

    void addAll(EndpointHolds other) {
        checkouts += other.checkouts;
        holds.add(other.holds);
    }

    public long checkouts() {
        return checkouts;
    }

    public HoldTimes holds() {
        return holds;
    }
}
