package dev.poolscope.analysis;

/** One statement-timeout event as listed in reports. */
public record TimeoutEvent(long time, String process, String requestId, String endpoint, String source, long line) {}
