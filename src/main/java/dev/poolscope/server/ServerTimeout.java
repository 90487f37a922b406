package dev.poolscope.server;

/** One statement timeout as the server logged it. */
public record ServerTimeout(long time, int pid, String application, String statement, String source, long line) {}
