package dev.poolscope.server;

/** The most sessions open at once within the bucket starting at {@code start} (microseconds). */
public record ConcurrencyPoint(long start, long sessions) {}
