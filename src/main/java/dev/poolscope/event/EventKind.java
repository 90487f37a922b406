package dev.poolscope.event;

/** What a log event means for the pool. */
public enum EventKind {
    CHECKOUT,
    CHECKIN,
    CHECKOUT_FAILED,
    NEARLY_EXHAUSTED,
    REQUEST_END,
    OTHER
}
