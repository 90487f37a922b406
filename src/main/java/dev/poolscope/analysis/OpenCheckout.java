package dev.poolscope.analysis;

/** A checkout still open at the end of a summary, with what a later summary's checkin needs to close it. */
public record OpenCheckout(String process, String requestId, String connId, long acquiredAt, String endpoint,
                           boolean requestEnded, String source, long line) {}
