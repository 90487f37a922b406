package dev.poolscope.analysis;

/** Where a line that is not a JSON object was found, and why it was rejected. */
public record MalformedLine(String source, long line, String reason) {}
