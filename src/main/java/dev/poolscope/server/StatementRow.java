package dev.poolscope.server;

/** Statement timeouts of one statement shape (literals replaced by {@code ?}) from one application. */
public record StatementRow(String statement, String application, long count, String example) {}
