package dev.poolscope.analysis;

/** Checkouts and hold times of one endpoint. */
public final class EndpointHolds {
    long checkouts;
    final HoldTimes holds = new HoldTimes();

    public long checkouts() {
        return checkouts;
    }

    public HoldTimes holds() {
        return holds;
    }
}
