package dev.poolscope.analysis;

/** A request within the process that logged it: request ids only need to be unique per process. */
public record RequestKey(String process, String requestId) {}
