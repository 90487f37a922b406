package dev.poolscope.analysis;

/** The request a thread started logging for at a time (issue #16): one step of its history. */
public record ThreadStep(long time, String requestId, String endpoint) {}
