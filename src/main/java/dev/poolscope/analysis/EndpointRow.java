package dev.poolscope.analysis;

/** One endpoint's line in the endpoints table. */
public record EndpointRow(String endpoint, long checkouts, long leakedCheckouts, long statementTimeouts,
                          Percentiles holdTimes) {}
