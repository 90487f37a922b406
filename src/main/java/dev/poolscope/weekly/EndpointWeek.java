package dev.poolscope.weekly;

/** An endpoint's share of a range's problems. */
public record EndpointWeek(String endpoint, long requestsWithoutClose, long leakedCheckouts, long statementTimeouts) {}
