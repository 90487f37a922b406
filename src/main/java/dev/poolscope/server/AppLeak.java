package dev.poolscope.server;

/** A checkout the app's log never saw returned, as the join needs it: when, which request, which route. */
public record AppLeak(long acquiredAt, String process, String requestId, String endpoint) {}
