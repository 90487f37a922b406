package dev.poolscope.event;

/**
 * The texts of one line that a library dialect reads: the message, and the logging library's logger,
 * thread, stack trace and level, each null when the line has none.
 */
public record LineText(String message, String logger, String thread, String stack, String level) {}
